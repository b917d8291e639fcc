import Domain
import Fluent
import Vapor

/// The resident's home in the portal: their plan, consents, measurements
/// and the forms to take part, from the household opened for them.
struct PortalHomePage: Encodable {
    let data: PortalData
    let progress: [AssessmentProgress.Member]
    /// Adding an own step, a comment on a goal, giving consent: with what was typed when one was refused.
    let forms: Forms
    let nextVersion: Int
    /// "You signed this plan on …" when the resident's own last signature
    /// still covers the plan as it is; the form to sign shows otherwise.
    let signedAsItIs: String?
    /// Who keeps the plan together and how to reach them, in a sentence.
    let coordinator: String?
    /// What went wrong in one of its forms, shown beside the fields.
    var errors: FormErrors = .none

    struct Forms: Encodable { let action: [FormPart]; let comment: [FormPart]; let consent: [FormPart] }

    /// What the resident typed into the form that was refused.
    struct Typed {
        var action = PortalActionForm()
        var comment = PortalCommentForm()
        var consent = PortalConsentForm()
    }

    /// "Sanne de Vries of Sociaal Team Voorbeeld", or the organisation alone
    /// while nobody there is the household's contact.
    static func coordinator(_ opened: ResidentAccess.Opened, in context: Context) async throws -> String? {
        guard let lead = try await CoordinatorContact.of(try await opened.coordinator(on: context.db), in: context) else { return nil }
        let who = lead.person.map { context.t("portal.coordinator_text", $0, lead.organization) } ?? context.t("portal.coordinator_organisation", lead.organization)
        return who + (lead.reach.map { " " + context.t("portal.coordinator_reach", $0) } ?? "")
    }

    static func build(_ opened: ResidentAccess.Opened, in context: Context, errors: FormErrors = .none, typed: Typed = .init()) async throws -> PortalHomePage {
        let own = try await ResidentAccess(context: context).ownResident()
        let progress = try await own.asyncFlatMap { try await PortalAssessmentController.progress(opened, resident: $0, in: context) } ?? []
        let data = try await PortalData.gather(opened, in: context)
        let last = try await opened.latestPlanVersion(on: context.db)
        let signedAsItIs = last.flatMap { version in
            version.signedByResidentID == own?.id && version.stillAgrees(with: data.goals)
                ? context.t("portal.signed_as_it_is", String(version.number), context.moment(version.signedAt)) : nil
        }
        let organizations = try await context.organizationNames(in: opened.household.tenantID)
        var fields = FieldBuilder(context, errors: errors)
        let goals = { (chosen: String?) in data.goals.map { Option(value: $0.id, label: $0.title, selected: $0.id == chosen) } }
        let forms = Forms(
            action: [
                .field(fields.field("portal_goal", name: "goal_id", .select, label: "portal.for_goal", options: goals(typed.action.goal_id))),
                .field(fields.field("portal_action", name: "description", label: "portal.what_will_you_do", value: typed.action.description, maxLength: 300)),
            ],
            comment: [
                .field(fields.field("portal_comment_goal", name: "goal_id", .select, label: "portal.for_goal", options: goals(typed.comment.goal_id))),
                .field(fields.field("portal_comment", name: "text", .textarea, label: "portal.comment", value: typed.comment.text,
                                    maxLength: NoteController.maximumLength, rows: 3)),
            ],
            consent: [
                .field(fields.field("portal_organization", name: "organization_id", .select, label: "portal.with_whom",
                                    options: organizations.sorted { $0.value < $1.value }.map { Option(value: $0.key.uuidString, label: $0.value, selected: $0.key.uuidString == typed.consent.organization_id) },
                                    choose: true)),
                .choices(fields.choices("portal_domains", name: "domains[]", legend: "portal.which_topics",
                                        options: LifeDomain.allCases.map { Option(value: $0.rawValue, label: context.plainDomainName($0.rawValue), selected: typed.consent.domains?.contains($0.rawValue) == true) })),
                .field(fields.field("portal_purpose", name: "purpose", label: "portal.why", value: typed.consent.purpose, maxLength: 200)),
            ]
        )
        return PortalHomePage(
            data: data, progress: progress, forms: forms,
            nextVersion: (data.versions.first?.number ?? 0) + 1, signedAsItIs: signedAsItIs,
            coordinator: try await coordinator(opened, in: context), errors: fields.namedErrors
        )
    }
}
