import Domain
import Fluent
import Vapor

/// A professional's worklist: the households they are the contact for,
/// actions due this week and overdue — only where they may see the domain —
/// and how many of their organisation's households still need a contact.
struct WorklistController {
    struct Page: Encodable {
        struct Household: Encodable { let name: String; let href: String }
        struct Action: Encodable { let description: String; let household: String; let due: String; let href: String }
        let households: [Household]
        let dueThisWeek: [Action]
        let overdue: [Action]
        let reviewsDue: [Household]
        let reassessmentsDue: [ReassessmentReminders.Due]
        /// "12 households of your organisation have no contact person yet", with a link to them.
        let unassigned: Household?
    }

    /// Households without a contact are counted up to this many ("more than 100").
    static let unassignedShown = 100

    func register(_ routes: any RoutesBuilder) {
        routes.get(.worklist, use: show)
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .professional, let organizationID = actor.organizationID else { throw AppError.notFound }
        let today = Day.today()
        let households = try await Worklist.caseload(userID: actor.userID, tenantID: actor.tenantID, today: today, on: req.db)
        let unassigned = try await HouseholdList.unassignedCount(organizationID: organizationID, tenantID: actor.tenantID, today: today, upTo: Self.unassignedShown, on: req.db)
        let contexts = try await req.residentAccess().contexts(forHouseholdsInTenant: households.map(\.id))
        let names = Dictionary(households.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let actions = try await Worklist.actionsDue(names: names, contexts: contexts, tenantID: actor.tenantID, until: Day.string(Date().addingTimeInterval(7 * 86400)), on: req.db)
        let months = try await Tenant.reassessmentInterval(of: actor.tenantID, on: req.db)
        let reassessments = try await ReassessmentReminders.due(names: names, contexts: contexts, months: months, today: today, tenantID: actor.tenantID, in: req.context())
        try await req.audit("worklist.view", outcome: .allowed, basis: .involvement, objectType: "worklist", objectID: String(households.count))
        let link = { (household: Worklist.Household) in SiteRoute.household.path(household.id) }
        let page = Page(
            households: households.map { .init(name: $0.name, href: link($0)) },
            dueThisWeek: actions.filter { $0.due >= today }, overdue: actions.filter { $0.due < today },
            reviewsDue: households.compactMap { household in
                household.reviewOn.flatMap { $0 < today ? .init(name: "\(household.name) (\($0))", href: link(household)) : nil }
            },
            reassessmentsDue: reassessments,
            unassigned: unassigned == 0 ? nil : .init(name: Self.unassignedText(unassigned, req: req), href: SiteRoute.households.path() + "?unassigned=1")
        )
        return try await req.page("households/worklist", title: req.t("worklist.title"), page)
    }

    private static func unassignedText(_ count: Int, req: Request) -> String {
        if count > unassignedShown { return req.t("worklist.unassigned_more", String(unassignedShown)) }
        return req.t(count == 1 ? "worklist.unassigned_one" : "worklist.unassigned_many", String(count))
    }
}
