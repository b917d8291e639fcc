import Domain
import Fluent
import Vapor

/// A volunteer's view: only the actions assigned to them, each read through
/// the access rule and logged.
struct VolunteerReportForm: Content { var text: String? }

struct MyActionsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.myActions, use: list)
        routes.post(SiteRoute.myActionDone, use: done)
        routes.post(SiteRoute.myActionReport, use: report)
    }

    func list(req: Request) async throws -> Response {
        guard try req.requireActor().role == .volunteer else { throw AppError.notFound }
        return try await req.page("plans/my-actions", title: req.t("my_actions.title"), MyActionsPage.build(in: req.context()))
    }

    /// A line on how the step went: a note in the goal's life domain for the
    /// team, and the coordinator is told.
    func report(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .volunteer else { throw AppError.notFound }
        let (opened, action) = try await req.residentAccess().openAssignedAction(req.id(.actionID), event: "action.report")
        let actionID = try action.requireID()
        let form = try req.content.decode(VolunteerReportForm.self)
        var validator = FormValidator()
        let text = validator.text("report-" + actionID.uuidString, form.text, maxLength: 500, allowLineBreaks: true)
        guard validator.isValid, let text,
              let domain = try await opened.domain(ofAssigned: action, on: req.db) else {
            let page = try await MyActionsPage.build(in: req.context(), reportErrors: FormErrors(validator.issues, req: req), typedReport: (actionID, form.text ?? ""))
            return try await req.page("plans/my-actions", title: req.t("my_actions.title"), page, status: .unprocessableEntity)
        }
        let note = Note(
            tenantID: action.tenantID, householdID: action.householdID, domain: domain, kind: .report, occurredOn: Day.today(),
            textEncrypted: try FieldCipher(key: req.application.config.keys.field).seal("\(action.description): \(text)"),
            authorID: actor.userID, organizationID: actor.organizationID
        )
        try await req.db.transaction { tx in
            try await note.create(on: tx)
            try await req.context().auditChange("note.created", in: opened, purpose: "detail:\(domain.rawValue)", objectType: "note", objectID: note.id?.uuidString, on: tx)
        }
        try await TeamNotices.tellCoordinator(opened, "notification.volunteer_report", actor: actor, on: req.db)
        return req.redirect(to: SiteRoute.myActions.path(), notice: .reportSent)
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
