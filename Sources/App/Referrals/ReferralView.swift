import Domain
import Fluent
import Vapor

/// The referral page: what was asked, of whom, where it stands, its history,
/// and the next steps the viewer's side may take. Shows only the domains
/// the viewer may see (the receiver: those the consent covers).
struct ReferralView: Encodable {
    struct HistoryRow: Encodable { let when: String; let what: String; let who: String; let note: String? }

    let title: String
    let status: String
    let statusCode: String
    let outcome: String?
    let sentOn: String
    let dueOn: String
    let overdue: Bool
    let requester: String
    let receiver: String
    let householdName: String?
    let householdHref: String?
    let goalTitle: String?
    let domains: [String]
    let message: String?
    let history: [HistoryRow]
    /// The next step, its outcome and note: what was chosen and typed when the step was refused.
    let stepForm: [FormPart]
    /// The step chosen needs a confirmation the form did not carry: the form asks for it.
    let statusAction: String
    let version: Int
    let redirectAction: String?
    let redirectField: FormField
    let redirectedFromHref: String?
    let errors: FormErrors

    static func build(_ referral: Referral, goal: Goal, opened: ResidentAccess.Opened, in context: Context, errors: FormErrors = .none,
                      typed: ReferralStatusForm = .init(), asksConfirmation: Bool = false) async throws -> ReferralView {
        let referralID = try referral.requireID()
        let actor = context.actor
        let names = try await context.organizationNames(in: referral.tenantID)
        let visibleDomains = LifeDomain.allCases.filter { referral.lifeDomains.contains($0) && opened.allows(.referral($0)) }
        let seesIdentity = opened.allows(.identity)
        let party = referral.party(of: actor.organizationID)
        let events = try await ReferralEvent.scoped(to: referral.tenantID, on: context.db).filter(\.$referralID == referralID).sort(\.$occurredAt).all()
        let people = try await User.displayNames(of: events.map(\.userID), in: referral.tenantID, on: context.db)
        let history = events.map { event in
            HistoryRow(when: context.shortMoment(event.occurredAt),
                       what: context.t("referral.status.\(event.toStatus)") + (event.outcome.map { " – " + context.t("referral.outcome.\($0)") } ?? ""),
                       who: [people[event.userID], names[event.organizationID]].compactMap { $0 }.joined(separator: ", "),
                       note: event.noteEncrypted.map { context.cipher.openOrNil($0) ?? context.t("note.unreadable") })
        }
        let steps = party.map { ReferralWorkflow.next(from: referral.referralStatus, for: $0) } ?? []
        var redirectChoices: [Option] = []
        if party == .requester, referral.referralStatus == .rejected, let domain = goal.lifeDomain {
            redirectChoices = try await ReferralCandidates.services(domain: domain, query: nil, excluding: referral.receiverOrganizationID, tenantID: referral.tenantID, on: context.db)
                .map { Option(value: $0.id.uuidString, label: "\($0.name) (\(context.t("capacity.\($0.capacity.rawValue)")))", selected: false) }
        }
        var fields = FieldBuilder(context, errors: errors)
        var stepForm: [FormPart] = []
        if !steps.isEmpty {
            stepForm.append(.field(fields.field("status", .select, label: "referral.new_status",
                options: steps.map { Option(value: $0.rawValue, label: context.t("referral.step.\($0.rawValue)"), selected: $0.rawValue == typed.status) },
                choose: true, chooseLabel: "referral.choose_step")))
            if asksConfirmation { stepForm.append(.field(fields.field("confirm", .checkbox, label: "referral.confirm_label"))) }
            stepForm.append(.field(fields.field("outcome", .select, label: "referral.outcome", hint: "referral.outcome_hint",
                options: ReferralOutcome.allCases.map { Option(value: $0.rawValue, label: context.t("referral.outcome.\($0.rawValue)"), selected: $0.rawValue == typed.outcome) },
                choose: true)))
            stepForm.append(.field(fields.field("note", .textarea, label: "referral.step_note", hint: "referral.step_note_hint", value: typed.note,
                                                maxLength: ReferralTransition.maximumNote, rows: 3)))
        }
        let redirectField = fields.field("service_id", .select, label: "referral.redirect_to", options: redirectChoices)
        return ReferralView(
            title: try await targetName(referral, on: context.db),
            status: context.t("referral.status.\(referral.status)"), statusCode: referral.status,
            outcome: referral.outcome.map { context.t("referral.outcome.\($0)") },
            sentOn: context.day(referral.sentOn), dueOn: context.day(referral.dueOn), overdue: referral.isOverdue(today: context.today),
            requester: names[referral.requesterOrganizationID] ?? "", receiver: names[referral.receiverOrganizationID] ?? "",
            householdName: seesIdentity ? opened.household.name : nil,
            householdHref: seesIdentity ? SiteRoute.household.path(referral.householdID) : nil,
            goalTitle: visibleDomains.isEmpty ? nil : goal.title,
            domains: visibleDomains.map { context.t("domain.\($0.rawValue)") },
            message: visibleDomains.isEmpty ? nil : FieldCipher(key: context.keys.field).openOrNil(referral.messageEncrypted),
            history: history,
            stepForm: stepForm,
            statusAction: SiteRoute.referralStatus.path(referralID), version: referral.version,
            redirectAction: redirectChoices.isEmpty ? nil : SiteRoute.referralRedirect.path(referralID),
            redirectField: redirectField,
            redirectedFromHref: referral.redirectedFromID.map { SiteRoute.referral.path($0) },
            errors: fields.namedErrors
        )
    }

    /// The service's name, or the receiving organisation's when sent to an organisation.
    static func targetName(_ referral: Referral, on db: any Database) async throws -> String {
        if let service = try await referral.serviceID.asyncFlatMap({ try await Service.scoped(to: referral.tenantID, on: db).filter(\.$id == $0).first() }) {
            return service.name
        }
        return try await Organization.find(referral.receiverOrganizationID, in: referral.tenantID, on: db).name
    }
}
