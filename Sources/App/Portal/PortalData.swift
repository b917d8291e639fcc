import Domain
import Fluent
import Vapor

/// Everything Samenspel holds about a resident's household, in plain
/// words: what the portal shows and what "download my data" returns.
struct PortalData: Content {
    struct Person: Content { let name: String; let birthDate: String; let relation: String }
    struct ActionItem: Content { let id: String; let description: String; let owner: String; let due: String; let status: String
        /// Where the resident ticks it off: only their own open steps.
        let doneAction: String? }
    struct GoalItem: Content { let id: String; let domain: String; let title: String; let target: String; let status: String; let actions: [ActionItem] }
    struct ConsentItem: Content {
        let id: String; let organization: String; let domains: String; let purpose: String
        let validity: String; let status: String; let withdrawAction: String?
    }
    struct NoteItem: Content { let day: String; let domain: String; let kind: String; let text: String }
    struct Look: Content { let when: String; let who: String; let what: String; let outcome: String }
    struct Version: Content { let number: Int; let signedAt: String; let method: String }
    struct ConversationItem: Content { let subject: String; let domain: String; let messages: [MessageItem] }
    struct MessageItem: Content { let when: String; let author: String; let text: String }
    /// A participation profile in words, with what its owner wrote.
    struct ProfileItem: Content {
        let person: String; let talents: String; let ownWords: String; let skills: String; let wishes: String; let available: String
        let travel: String; let needs: String; let notWanted: String; let avoid: String; let version: Int
        let placements: [PlacementItem]
    }
    /// Where they take part: the place, how it stands, every check-in with both answers.
    struct PlacementItem: Content { let place: String; let state: String; let checkIns: [String] }

    let household: String
    let address: String
    let members: [Person]
    let goals: [GoalItem]
    let consents: [ConsentItem]
    let notes: [NoteItem]
    /// The conversations the resident was included in, with every message.
    let conversations: [ConversationItem]
    let assessments: [AssessmentItem]
    let participation: [ProfileItem]
    let versions: [Version]
    let looks: [Look]

    static func gather(_ opened: ResidentAccess.Opened, in context: Context) async throws -> PortalData {
        let db = context.db
        let today = context.today
        let household = opened.household
        let householdID = opened.householdID, tenantID = opened.tenantID
        let organizations = try await Organization.names(in: tenantID, on: db)
        let domain = { (raw: String) in context.plainDomainName(raw) }
        let domains = { (set: Set<LifeDomain>) in LifeDomain.allCases.filter(set.contains).map { domain($0.rawValue) }.joined(separator: ", ") }

        let residents = try await opened.members(on: db)
        let goals = try await goals(opened, in: context)
        let consents = try await opened.consents(on: db).map { consent throws in
            let effective = consent.effective(today: today)
            return ConsentItem(
                id: consent.id?.uuidString ?? "", organization: organizations[consent.recipientOrganizationID] ?? "",
                domains: domains(consent.lifeDomains), purpose: consent.purpose,
                validity: consent.validity(in: context),
                status: context.t("consent.effective.\(effective.rawValue)"), withdrawAction: effective == .active || effective == .notYetValid ? SiteRoute.portalConsentWithdraw.path(try consent.requireID()) : nil
            )
        }
        let cipher = FieldCipher(key: context.keys.field)
        let notes = try await opened.notes(limit: 10_000, on: db).map {
            NoteItem(day: context.day($0.occurredOn), domain: domain($0.domain), kind: context.t("note.kind.\($0.kind)"), text: cipher.openOrNil($0.textEncrypted) ?? "")
        }
        var conversations: [ConversationItem] = []
        for conversation in try await opened.conversations(limit: 10_000, on: db) {
            let messages = try await opened.messages(of: conversation, on: db)
            let authors = try await User.displayNames(of: messages.map(\.authorID), in: tenantID, on: db)
            conversations.append(ConversationItem(
                subject: cipher.openOrNil(conversation.subjectEncrypted) ?? "", domain: domain(conversation.domain),
                messages: messages.map { MessageItem(when: context.moment($0.createdAt), author: authors[$0.authorID] ?? "", text: cipher.openOrNil($0.textEncrypted) ?? "") }))
        }
        let versions = try await opened.planVersions(on: db).reversed().map {
            Version(number: $0.number, signedAt: context.moment($0.signedAt), method: context.t("consent.method.\($0.method)"))
        }
        // Others' looks: the resident's own visits would drown them.
        let entries = try await AccessLogEntry.of(tenantID, on: db).filter(\.$subjectID == householdID)
            .group(.or) { $0.filter(\.$userID == nil).filter(\.$userID != context.actor.userID) }
            .sort(\.$occurredAt, .descending).limit(500).all()
        let names = try await User.displayNames(of: entries.compactMap(\.userID), in: tenantID, on: db)
        let looks = entries.map { entry in
            Look(
                when: context.shortMoment(entry.occurredAt),
                who: [entry.userID.flatMap { names[$0] }, entry.role.map { context.t("role.\($0)") }, entry.organizationID.flatMap { organizations[$0] }]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "),
                what: context.t(Self.eventKey(entry.event, known: context.localizer.has)),
                outcome: context.t(entry.outcome == "denied" ? "portal.look_refused" : "portal.look_allowed")
            )
        }
        return PortalData(
            household: household.name, address: "\(household.street), \(household.postcode) \(household.city)",
            members: residents.map { Person(name: $0.fullName, birthDate: context.day($0.birthDate), relation: context.t("relation.\($0.relation)")) },
            goals: goals, consents: consents, notes: notes, conversations: conversations,
            assessments: try await assessments(opened, residents: residents, in: context),
            participation: try await profiles(opened, residents: residents, in: context),
            versions: versions, looks: looks
        )
    }

    /// The plain words for a logged event: by its first part ("referral.accepted"
    /// is about a referral), or "something else" for a part without words yet.
    static func eventKey(_ event: String, known: (String) -> Bool) -> String {
        let key = "portal.event." + (event.split(separator: ".").first.map(String.init) ?? "other")
        return known(key) ? key : "portal.event.other"
    }

    /// The plan's goals with their actions: what a signature freezes and
    /// versions compare. Only these two tables, so pages can call it cheaply.
    static func goals(_ opened: ResidentAccess.Opened, in context: Context) async throws -> [GoalItem] {
        let domain = { (raw: String) in context.plainDomainName(raw) }
        let (goals, actions) = try await opened.wholePlan(on: context.db)
        let owners = try await PlanAction.owners(of: actions, tenantID: opened.tenantID, forResident: opened.context.role == .resident, in: context)
        return try goals.map { goal in
            GoalItem(
                id: goal.id?.uuidString ?? "", domain: domain(goal.domain), title: goal.title, target: goal.target ?? "",
                status: context.t("goal.status.\(goal.status)"),
                actions: try actions.filter { $0.goalID == goal.id }.map { action in
                    ActionItem(
                        id: action.id?.uuidString ?? "", description: action.description,
                        owner: action.id.flatMap { owners[$0] } ?? "", due: context.day(action.dueOn),
                        status: context.t("action.status.\(action.status)"),
                        doneAction: action.ownerKind == ActionOwnerKind.resident.rawValue && action.status != ActionStatus.done.rawValue ? SiteRoute.portalActionDone.path(try action.requireID()) : nil
                    )
                }
            )
        }
    }

    static func profiles(_ opened: ResidentAccess.Opened, residents: [Resident], in context: Context) async throws -> [ProfileItem] {
        var items: [ProfileItem] = []
        for resident in residents {
            guard let profile = try await opened.participationProfile(of: try resident.requireID(), on: context.db) else { continue }
            let texts = ParticipationProfiles.texts(of: profile, cipher: context.cipher)
            let placements = try await opened.participationPlacements(of: try resident.requireID(), on: context.db)
            let places = try await MatchesPage.serviceNames(of: placements, tenantID: opened.tenantID, in: context)
            let hosts = try await context.organizationNames(in: opened.tenantID)
            let codes = ParticipationProfile.codes
            items.append(ProfileItem(
                person: resident.fullName,
                talents: context.talentsText(codes(profile.talents), in: context.talents),
                ownWords: texts.ownWords, skills: texts.skills, wishes: texts.wishes,
                available: context.halfDaysText(HalfDays(mask: profile.availability)),
                travel: context.t("participation.travel.\(profile.travelMode)") + ", " + context.t("participation.km", String(profile.maxKilometres)),
                needs: context.supportText(codes(profile.needs)),
                notWanted: codes(profile.notWanted).map { context.t("participation.kind.\($0)") }.joined(separator: ", "),
                avoid: texts.avoid, version: profile.version,
                placements: placements.map { record in
                    PlacementItem(place: places[record.placement.offerID] ?? "", state: PlacementCards.state(of: record.placement, in: context),
                                  checkIns: record.checkIns.map { PlacementCards.history($0, party: .resident, other: hosts[record.placement.hostOrganizationID] ?? "", in: context) })
                }))
        }
        return items
    }
}
