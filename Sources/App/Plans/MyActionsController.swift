import Domain
import Fluent
import Vapor

/// A volunteer's view: only the actions assigned to them, each read through
/// the access rule and logged.
struct MyActionsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.myActions, use: list)
        routes.post(SiteRoute.myActionDone, use: done)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .volunteer else { throw AppError.notFound }
        var rows: [MyActionsPage.Row] = []
        for (opened, action) in try await req.residentAccess().assignedActions(event: "action.view") {
            rows.append(.init(
                description: action.description, household: opened.household.name, due: req.shortDay(action.dueOn),
                status: req.t("action.status.\(action.status)"),
                doneAction: action.status == ActionStatus.done.rawValue ? nil : SiteRoute.myActionDone.path(try action.requireID())
            ))
        }
        return try await req.page("plans/my-actions", title: req.t("my_actions.title"), MyActionsPage(rows: rows))
    }

    func done(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .volunteer else { throw AppError.notFound }
        let (opened, action) = try await req.residentAccess().openAssignedAction(req.id(.actionID), event: "action.done")
        try await req.db.transaction { tx in
            action.status = ActionStatus.done.rawValue
            action.version += 1
            try await action.save(on: tx)
            try await req.context().auditChange("action.done", in: opened, objectType: "action", objectID: action.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.myActions.path(), notice: .actionDone)
    }
}
