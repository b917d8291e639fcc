import Domain
import Fluent
import Vapor

/// My organisation's referrals: incoming and outgoing, overdue first, and
/// the recently closed loops. Rows name the service and domain, not the
/// resident: the referral page applies the access rule.
struct ReferralQueueController {
    struct Row: Encodable {
        let href: String; let target: String; let counterpart: String; let domain: String
        let status: String; let sentOn: String; let dueOn: String; let overdue: Bool
    }

    struct PageContent: Encodable {
        let incoming: [Row]
        let outgoing: [Row]
        let closed: [Row]
        let overdueCount: Int
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.referrals, use: list)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .professional, let organizationID = actor.organizationID else { throw AppError.forbidden }
        let queues = try await Self.queues(organizationID: organizationID, tenantID: actor.tenantID, on: req.db)
        let today = Day.today()
        let rows = try await Self.rows(queues.all, organizationID: organizationID, tenantID: actor.tenantID, today: today, req: req)
        let content = PageContent(
            incoming: queues.incoming.compactMap { rows[$0.id!] }, outgoing: queues.outgoing.compactMap { rows[$0.id!] },
            closed: queues.closed.compactMap { rows[$0.id!] },
            overdueCount: (queues.incoming + queues.outgoing).filter { $0.isOverdue(today: today) }.count
        )
        return try await req.page("referrals/list", title: req.t("referrals.title"), content)
    }

    struct Queues {
        let incoming: [Referral]
        let outgoing: [Referral]
        let closed: [Referral]
        var all: [Referral] { incoming + outgoing + closed }
    }

    /// Open referrals to and from the organisation (overdue first, then by
    /// due date), and the 20 most recently closed.
    static func queues(organizationID: UUID, tenantID: UUID, on db: any Database) async throws -> Queues {
        let open = Referral.openAtReceiver
        let incoming = try await Referral.scoped(to: tenantID, on: db).filter(\.$receiverOrganizationID == organizationID)
            .filter(\.$status ~~ open).sort(\.$dueOn).limit(200).all()
        let outgoing = try await Referral.scoped(to: tenantID, on: db).filter(\.$requesterOrganizationID == organizationID)
            .filter(\.$status ~~ (open + [ReferralStatus.draft.rawValue])).sort(\.$dueOn).limit(200).all()
        // Received and sent apart, each newest first by index, then merged: one
        // query with OR walked every referral of the tenant and sorted them.
        let closedStatuses = ReferralStatus.allCases.filter(\.isFinal).map(\.rawValue)
        let recentlyClosed: (KeyPath<Referral, FieldProperty<Referral, UUID>>) async throws -> [Referral] = { side in
            try await Referral.scoped(to: tenantID, on: db).filter(side == organizationID)
                .filter(\.$status ~~ closedStatuses).sort(\.$updatedAt, .descending).limit(20).all()
        }
        let received = try await recentlyClosed(\.$receiverOrganizationID)
        let sent = try await recentlyClosed(\.$requesterOrganizationID)
        let closed = Array((received + sent.filter { $0.receiverOrganizationID != organizationID })
            .sorted { ($0.updatedAt ?? .distantPast, $0.id?.canonicalText ?? "") > ($1.updatedAt ?? .distantPast, $1.id?.canonicalText ?? "") }.prefix(20))
        let today = Day.today()
        let overdueFirst: (Referral, Referral) -> Bool = { ($0.isOverdue(today: today) ? 0 : 1, $0.dueOn ?? "") < ($1.isOverdue(today: today) ? 0 : 1, $1.dueOn ?? "") }
        return Queues(incoming: incoming.sorted(by: overdueFirst), outgoing: outgoing.sorted(by: overdueFirst), closed: closed)
    }

    private static func rows(_ referrals: [Referral], organizationID: UUID, tenantID: UUID, today: String, req: Request) async throws -> [UUID: Row] {
        let organizations = try await req.organizationNames(in: tenantID)
        let serviceIDs = referrals.compactMap(\.serviceID)
        let services = serviceIDs.isEmpty ? [:] : Dictionary(
            try await Service.scoped(to: tenantID, on: req.db).filter(\.$id ~~ serviceIDs).all().map { ($0.id!, $0.name) },
            uniquingKeysWith: { a, _ in a })
        let goalIDs = referrals.map(\.goalID)
        let domains = goalIDs.isEmpty ? [:] : Dictionary(
            try await Goal.scoped(to: tenantID, on: req.db).filter(\.$id ~~ goalIDs).all().map { ($0.id!, $0.domain) },
            uniquingKeysWith: { a, _ in a })
        return Dictionary(uniqueKeysWithValues: referrals.map { referral in
            let incoming = referral.receiverOrganizationID == organizationID
            let counterpart = organizations[incoming ? referral.requesterOrganizationID : referral.receiverOrganizationID] ?? ""
            return (referral.id!, Row(
                href: SiteRoute.referral.path(referral.id!),
                target: referral.serviceID.flatMap { services[$0] } ?? organizations[referral.receiverOrganizationID] ?? "",
                counterpart: counterpart, domain: domains[referral.goalID].map { req.t("domain.\($0)") } ?? "",
                status: req.t("referral.status.\(referral.status)"), sentOn: req.shortDay(referral.sentOn), dueOn: req.shortDay(referral.dueOn),
                overdue: referral.isOverdue(today: today)
            ))
        })
    }
}
