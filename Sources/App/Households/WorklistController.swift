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
        let weekAhead = Day.string(Date().addingTimeInterval(7 * 86400))
        let householdIDs = try await Self.caseload(userID: actor.userID, organizationID: organizationID, tenantID: actor.tenantID, today: today, on: req.db)
        let households = try await App.Household.scoped(to: actor.tenantID, on: req.db).filter(\.$id ~~ householdIDs).sort(\.$name).all()
        var rows: [Page.Household] = []
        var due: [Page.Action] = []
        var overdue: [Page.Action] = []
        var reviewsDue: [Page.Household] = []
        var reassessments: [ReassessmentReminders.Due] = []
        let months = try await Tenant.find(actor.tenantID, on: req.db)?.reassessmentInterval ?? Tenant.defaultReassessmentMonths
        let access = try req.residentAccess()
        for household in households {
            let householdID = try household.requireID()
            rows.append(.init(name: household.name, href: SiteRoute.household.path(householdID)))
            if let review = household.reviewOn, review < today {
                reviewsDue.append(.init(name: "\(household.name) (\(review))", href: SiteRoute.household.path(householdID)))
            }
            let context = try await access.context(for: household)
            reassessments += try await ReassessmentReminders.due(household: household, context: context, months: months, today: today, req: req)
            let goals = try await Goal.scoped(to: actor.tenantID, on: req.db).filter(\.$householdID == householdID).all()
            let visibleGoals = Dictionary(goals.filter { goal in goal.lifeDomain.map { AccessPolicy.decide(context, .detail($0)).isAllowed } ?? false }
                .compactMap { goal in goal.id.map { ($0, goal) } }, uniquingKeysWith: { a, _ in a })
            let actions = try await PlanAction.scoped(to: actor.tenantID, on: req.db).filter(\.$householdID == householdID)
                .filter(\.$status ~~ [ActionStatus.open.rawValue, ActionStatus.inProgress.rawValue]).all()
            for action in actions {
                guard let goal = visibleGoals[action.goalID], let dueOn = action.dueOn else { continue }
                let row = Page.Action(description: action.description, household: household.name, due: dueOn, href: SiteRoute.goal.path(householdID, try goal.requireID()))
                if dueOn < today { overdue.append(row) } else if dueOn <= weekAhead { due.append(row) }
            }
        }
        try await req.audit("worklist.view", outcome: .allowed, basis: .involvement, objectType: "worklist", objectID: String(households.count))
        let page = Page(households: rows, dueThisWeek: due.sorted { $0.due < $1.due }, overdue: overdue.sorted { $0.due < $1.due }, reviewsDue: reviewsDue,
                        reassessmentsDue: reassessments.sorted { $0.lastOn < $1.lastOn })
        return try await req.page("households/worklist", title: req.t("worklist.title"), page)
    }

    /// The households on my worklist: those I am the contact for, and my
    /// organisation's households that have no contact yet. A district team
    /// with thousands of households still gives each professional their own.
    static func caseload(userID: UUID, organizationID: UUID, tenantID: UUID, today: String, on db: any Database) async throws -> Set<UUID> {
        let involvements = try await Involvement.scoped(to: tenantID, on: db).group(.or) { either in
            either.filter(\.$contactUserID == userID)
            either.group(.and) { $0.filter(\.$organizationID == organizationID).filter(\.$contactUserID == nil) }
        }.all()
        return Set(involvements.filter { $0.isActive(on: today) }.map(\.householdID))
    }
}
