import Domain
import Fluent
import Vapor

/// Steps towards a goal, added from the goal's page by whoever may work
/// in its life domain.
struct ActionController {
    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.actions, use: add)
        routes.post(SiteRoute.actionStatus, use: setStatus)
    }

    /// Moves an action on; versioned, so a status someone else just set is never silently replaced.
    func setStatus(req: Request) async throws -> Response {
        let (opened, goal) = try await GoalController.openGoal(req, event: "action.status", writing: true)
        guard let action = try await opened.action(req.id(.actionID), of: goal, on: req.db) else { throw AppError.notFound }
        let form = try req.content.decode(ActionStatusForm.self)
        guard let status = form.status.flatMap(ActionStatus.init(rawValue:)) else {
            return try await GoalController.page(req, opened, goal, .init(goal), errors: FormErrors([.init(field: "action_description", messageKey: "validation.choose_option")], req: req), status: .unprocessableEntity)
        }
        let actionID = try action.requireID()
        let expected = form.version ?? 0
        let landed = try await req.db.transaction { tx -> Bool in
            let saved = try await tx.sql.updateVersioned(PlanAction.schema, id: actionID, in: action.tenantID, expectedVersion: expected) { $0.set("status", to: status.rawValue) }
            if saved {
                try await req.context().auditChange(status == .done ? "action.done" : "action.status", in: opened, purpose: "detail:\(goal.domain)", objectType: "action", objectID: actionID.uuidString, on: tx)
            }
            return saved
        }
        guard landed else {
            return try await GoalController.page(req, opened, goal, .init(goal), errors: FormErrors(summary: [.init(field: "actions-title", message: req.t("error.conflict"))], fields: [:]), status: .conflict)
        }
        return req.redirect(to: SiteRoute.goal.path(goal.householdID, try goal.requireID()), notice: .actionSaved)
    }

    func add(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let (opened, goal) = try await GoalController.openGoal(req, event: "action.create", writing: true)
        let form = try req.content.decode(ActionForm.self)
        let tenantID = opened.household.tenantID
        var validator = FormValidator()
        let description = validator.text("action_description", form.description, maxLength: 300)
        var dueOn: String?
        if let raw = form.due_on, !raw.isEmpty {
            dueOn = validator.day("action_due", raw)?.iso
            if let day = dueOn, day < Day.today() { validator.add("action_due", "validation.due_in_past"); dueOn = nil }
        }
        var owner: ActionOwner?
        switch form.owner_kind.flatMap(ActionOwnerKind.init(rawValue:)) {
        case .resident: owner = .resident(name: nil)
        case .professional: owner = .professional(actor.userID)
        case .organization:
            if let id = form.owner_organization_id.flatMap(UUID.init(uuidString:)),
               try await Organization.scoped(to: tenantID, on: req.db).filter(\.$id == id).first() != nil { owner = .organization(id) }
        case .volunteer:
            if let id = form.owner_volunteer_id.flatMap(UUID.init(uuidString:)),
               try await User.scoped(to: tenantID, on: req.db).filter(\.$id == id).filter(\.$role == Role.volunteer.rawValue).first() != nil { owner = .volunteer(id) }
        case .network:
            if let name = validator.text("action_owner_name", form.owner_name, maxLength: 100) { owner = .network(name: name) }
        case nil: break
        }
        if owner == nil { validator.add("action_owner", "validation.choose_option") }
        guard validator.isValid, let description, let owner else {
            return try await GoalController.page(req, opened, goal, .init(goal), errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity, newAction: form)
        }
        let action = PlanAction(tenantID: tenantID, householdID: goal.householdID, goalID: try goal.requireID(), description: description, owner: owner, dueOn: dueOn)
        try await req.db.transaction { tx in
            try await action.create(on: tx)
            try await req.context().auditChange("action.created", in: opened, purpose: "detail:\(goal.domain)", objectType: "action", objectID: action.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.goal.path(goal.householdID, try goal.requireID()), notice: .actionAdded)
    }
}
