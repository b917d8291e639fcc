import Domain
import Foundation

/// The participation profile's page in the portal (B1 words): the form with
/// what is saved or was typed, when it was last changed and by whom, its
/// earlier versions, and taking it back.
struct ProfilePage: Encodable {
    struct Form: Encodable { let parts: [FormPart] }
    struct Revision: Encodable { let version: Int; let when: String; let byResident: Bool }

    let errors: FormErrors
    let action: String
    let talentsLegend: Legend
    let talentGroups: [ChoiceGroup]
    let form: Form
    let daysLegend: Legend
    let days: [ChoiceGroup]
    let after: Form
    let version: String
    let saved: Bool
    let revisions: [Revision]
    /// The resident's own page offers their matches and taking it back; a professional's page neither.
    let withdrawAction: String?
    let matchesHref: String?
    let heading: String
    let lead: String
    /// When it was last saved and by whom, or that nothing is yet, in the reader's voice.
    let savedText: String
    let withProfessional: String
    let backHref: String

    /// Whose page it is: the resident's own in the portal, or a professional's for a member (named).
    enum Writer { case resident, professional(action: String, name: String, back: String) }

    static func build(profile: ParticipationProfile?, revisions: [ParticipationProfileRevision], typed: ProfileForm, errors: FormErrors,
                      talents: TalentTaxonomy, writer: Writer = .resident, in context: Context) -> ProfilePage {
        var fields = FieldBuilder(context, errors: errors)
        let talentsLegend = fields.legend("talents", "participation.talents")
        let chosenTalents = Set(typed.talents ?? [])
        let talentGroups = ParticipationChoices.talents(talents, chosen: chosenTalents, name: "talents[]", idPrefix: "talents", in: context)
        var parts: [FormPart] = []
        parts.append(.field(fields.field("own_words", .textarea, label: "participation.own_words", hint: "participation.own_words_hint",
                                         value: typed.own_words, maxLength: 500, rows: 3)))
        parts.append(.field(fields.field("skills", .textarea, label: "participation.skills", hint: "participation.skills_hint", value: typed.skills, maxLength: 500, rows: 3)))
        parts.append(.field(fields.field("wishes", .textarea, label: "participation.wishes", value: typed.wishes, maxLength: 500, rows: 3)))

        let daysLegend = fields.legend("available", "participation.available")
        let chosenDays = Set(typed.available ?? [])
        let days = ParticipationChoices.week(chosen: chosenDays, name: "available[]", idPrefix: "available", in: context)

        var after: [FormPart] = []
        after.append(.choices(fields.choices("travel_mode", name: "travel_mode", legend: "participation.travel_mode",
                                             options: TravelMode.allCases.map { Option(value: $0.rawValue, label: context.t("participation.travel.\($0.rawValue)"),
                                                                                        selected: typed.travel_mode == $0.rawValue) }, radio: true)))
        after.append(.field(fields.field("max_km", .number, label: "participation.max_km", hint: "participation.max_km_hint", value: typed.max_km,
                                         inputMode: "numeric", min: ParticipationWish.kilometres.lowerBound, max: ParticipationWish.kilometres.upperBound)))
        let needs = Set(typed.needs ?? []), notWanted = Set(typed.not_wanted ?? [])
        after.append(.choices(fields.choices("needs", name: "needs[]", legend: "participation.needs", hint: "participation.needs_hint",
                                             options: ParticipationChoices.support(chosen: needs, in: context))))
        after.append(.choices(fields.choices("not_wanted", name: "not_wanted[]", legend: "participation.not_wanted", hint: "participation.not_wanted_hint",
                                             options: ParticipationChoices.kinds(chosen: notWanted, in: context))))
        after.append(.field(fields.field("avoid", .textarea, label: "participation.avoid", value: typed.avoid, maxLength: 300, rows: 2)))

        return ProfilePage(
            errors: fields.namedErrors, action: writer.action, talentsLegend: talentsLegend, talentGroups: talentGroups,
            form: Form(parts: parts), daysLegend: daysLegend, days: days,
            after: Form(parts: after), version: typed.version ?? "0", saved: profile != nil,
            revisions: revisions.map { Revision(version: $0.version, when: context.moment($0.writtenAt), byResident: $0.writtenByResident) },
            withdrawAction: writer.isResident ? SiteRoute.portalParticipationWithdraw.path() : nil,
            matchesHref: writer.isResident ? SiteRoute.portalParticipationMatches.path() : nil,
            heading: writer.name.map { context.t("participation.title_of", $0) } ?? context.t("participation.title"),
            lead: context.t(writer.isResident ? "participation.lead" : "participation.lead_helper"),
            savedText: savedText(profile, writer: writer, in: context),
            withProfessional: context.t(writer.isResident ? "participation.version_with_you" : "participation.version_with_professional"),
            backHref: writer.back)
    }

    static func savedText(_ profile: ParticipationProfile?, writer: Writer, in context: Context) -> String {
        guard let profile else { return context.t(writer.isResident ? "participation.not_yet" : "participation.not_yet_helper") }
        let when = context.moment(profile.updatedAt)
        switch (writer.isResident, profile.writtenByResident) {
        case (true, true): return context.t("participation.saved_by_you", when)
        case (true, false): return context.t("participation.saved_with_you", when)
        case (false, true): return context.t("participation.saved_by_resident", when)
        case (false, false): return context.t("participation.saved_by_professional", when)
        }
    }
}

extension ProfilePage.Writer {
    var isResident: Bool { if case .resident = self { true } else { false } }
    var action: String { if case .professional(let action, _, _) = self { action } else { SiteRoute.portalParticipation.path() } }
    var name: String? { if case .professional(_, let name, _) = self { name } else { nil } }
    var back: String { if case .professional(_, _, let back) = self { back } else { SiteRoute.portal.path() } }
}
