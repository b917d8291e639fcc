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
    let savedWhen: String?
    let savedByResident: Bool
    let revisions: [Revision]
    let withdrawAction: String
    let matchesHref = SiteRoute.portalParticipationMatches.path()

    static func build(profile: ParticipationProfile?, revisions: [ParticipationProfileRevision], typed: ProfileForm, errors: FormErrors,
                      talents: TalentTaxonomy, in context: Context) -> ProfilePage {
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
            errors: fields.namedErrors, action: SiteRoute.portalParticipation.path(), talentsLegend: talentsLegend, talentGroups: talentGroups,
            form: Form(parts: parts), daysLegend: daysLegend, days: days,
            after: Form(parts: after), version: typed.version ?? "0", saved: profile != nil,
            savedWhen: profile.map { context.moment($0.updatedAt) }, savedByResident: profile?.writtenByResident ?? true,
            revisions: revisions.map { Revision(version: $0.version, when: context.moment($0.writtenAt), byResident: $0.writtenByResident) },
            withdrawAction: SiteRoute.portalParticipationWithdraw.path())
    }
}
