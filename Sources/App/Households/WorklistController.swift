import Domain
import Fluent
import Vapor

/// A professional's worklist: their organisation's households, actions
/// due this week and actions overdue — only where they may see the domain.
struct WorklistController {
    struct Page: Encodable {
        struct Household: Encodable { let name: String; let href: String }
        struct Action: Encodable { let description: String; let household: String; let due: String; let href: String }
        let households: [Household]
        let dueThisWeek: [Action]
        let overdue: [Action]
        let reviewsDue: [Household]
        let reassessmentsDue: [ReassessmentReminders.Due]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(.worklist, use: show)
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .professional, let organizationID = actor.organizationID else { throw AppError.notFound }
        let today = Day.today()
        let householdIDs = try await Self.caseload(userID: actor.userID, organizationID: organizationID, tenantID: actor.tenantID, today: today, on: req.db)
        let households = try await App.Household.scoped(to: actor.tenantID, on: req.db).filter(\.$id ~~ householdIDs).sort(\.$name).all()
        let contexts = try await req.residentAccess().contexts(for: households)
        let actions = try await Self.actionsDue(households: households, contexts: contexts, until: Day.string(Date().addingTimeInterval(7 * 86400)), on: req.db)
        let months = try await Tenant.find(actor.tenantID, on: req.db)?.reassessmentInterval ?? Tenant.defaultReassessmentMonths
        let reassessments = try await ReassessmentReminders.due(households: households, contexts: contexts, months: months, today: today, req: req)
        try await req.audit("worklist.view", outcome: .allowed, basis: .involvement, objectType: "worklist", objectID: String(households.count))
        let link = { (household: App.Household) in SiteRoute.household.path(household.id!) }
        let page = Page(
            households: households.map { .init(name: $0.name, href: link($0)) },
            dueThisWeek: actions.filter { $0.due >= today }, overdue: actions.filter { $0.due < today },
            reviewsDue: households.compactMap { household in
                household.reviewOn.flatMap { $0 < today ? .init(name: "\(household.name) (\($0))", href: link(household)) : nil }
            },
            reassessmentsDue: reassessments
        )
        return try await req.page("households/worklist", title: req.t("worklist.title"), page)
    }

    /// Open actions due by `until` (overdue ones included), soonest first,
    /// under goals in a domain the professional may see in that household.
    static func actionsDue(households: [App.Household], contexts: [UUID: AccessContext], until: String, on db: any Database) async throws -> [Page.Action] {
        guard let tenantID = households.first?.tenantID else { return [] }
        let ids = households.compactMap(\.id)
        let goals = try await Goal.scoped(to: tenantID, on: db).filter(\.$householdID ~~ ids).all()
        let visibleGoals = Dictionary(uniqueKeysWithValues: goals.filter { goal in
            guard let domain = goal.lifeDomain, let context = contexts[goal.householdID] else { return false }
            return AccessPolicy.decide(context, .detail(domain)).isAllowed
        }.map { ($0.id!, $0) })
        let names = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0.name) })
        let actions = try await PlanAction.scoped(to: tenantID, on: db).filter(\.$householdID ~~ ids)
            .filter(\.$status ~~ [ActionStatus.open.rawValue, ActionStatus.inProgress.rawValue])
            .filter(\.$dueOn != nil).filter(\.$dueOn <= until).sort(\.$dueOn).all()
        return actions.compactMap { action in
            guard let goal = visibleGoals[action.goalID], let dueOn = action.dueOn else { return nil }
            return Page.Action(description: action.description, household: names[action.householdID] ?? "", due: dueOn,
                               href: SiteRoute.goal.path(action.householdID, goal.id!))
        }
    }

    /// The households on my worklist: those I am the contact for, and my
    /// organisation's households that have no contact yet. A district team
    /// with thousands of households still gives each professional their own.
    static func caseload(userID: UUID, organizationID: UUID, tenantID: UUID, today: String, on db: any Database) async throws -> Set<UUID> {
        // Two indexed lookups: SQLite answered one query with an OR by walking
        // every involvement of the tenant.
        let mine = try await Involvement.scoped(to: tenantID, on: db).filter(\.$contactUserID == userID).all()
        let unassigned = try await Involvement.scoped(to: tenantID, on: db)
            .filter(\.$organizationID == organizationID).filter(\.$contactUserID == nil).all()
        return Set((mine + unassigned).filter { $0.isActive(on: today) }.map(\.householdID))
    }
}
