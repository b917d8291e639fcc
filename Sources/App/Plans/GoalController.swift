import Domain
import Fluent
import Vapor

/// Goals in the household's plan, per life domain. Adding or changing one
/// needs detail access to its domain; edits are versioned, so two people
/// never overwrite each other silently.
struct GoalController {
    struct GoalForm: Content {
        var domain: String?
        var title: String?
        var target: String?
        var status: String?
        var version: Int?
    }

    struct EditPage: Encodable {
        let action: String
        let backHref: String
        let domain: String
        let title: String
        let target: String
        let version: Int
        let statuses: [Option]
        let errors: FormErrors
        let conflict: Conflict?
    }

    struct Conflict: Encodable { let title: String; let target: String; let status: String }

    func register(_ routes: any RoutesBuilder) {
        routes.post(.goals, use: add)
        routes.get(.goal, use: edit)
        routes.post(.goal, use: update)
    }

    func add(req: Request) async throws -> Response {
        let form = try req.content.decode(GoalForm.self)
        let access = try req.residentAccess()
        guard let domain = form.domain.flatMap(LifeDomain.init(rawValue:)) else {
            let opened = try await access.open(req.parameters.get("householdID", as: UUID.self), .identity, event: "goal.create")
            return try await rerender(req, opened, FormErrors([.init(field: "goal_domain", messageKey: "validation.choose_option")], req: req))
        }
        let opened = try await access.open(req.parameters.get("householdID", as: UUID.self), .detail(domain), event: "goal.create")
        var validator = FormValidator()
        let title = validator.text("goal_title", form.title, maxLength: 300)
        let target = validator.text("goal_target", form.target, required: false, maxLength: 500)
        guard validator.isValid, let title else { return try await rerender(req, opened, FormErrors(validator.issues, req: req)) }
        let household = opened.household
        let goal = Goal(tenantID: household.tenantID, householdID: try household.requireID(), domain: domain, title: title, target: target)
        try await req.db.transaction { tx in
            try await goal.create(on: tx)
            try await req.audit("goal.created", outcome: .success, basis: .involvement, subjectID: household.id, purpose: "detail:\(domain.rawValue)", objectType: "goal", objectID: goal.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(try household.requireID()))
    }

    func edit(req: Request) async throws -> Response {
        let (opened, goal) = try await open(req, event: "goal.view")
        let values = GoalForm(domain: goal.domain, title: goal.title, target: goal.target, status: goal.status, version: goal.version)
        return try await page(req, opened, goal, values)
    }

    func update(req: Request) async throws -> Response {
        let (opened, goal) = try await open(req, event: "goal.update")
        var form = try req.content.decode(GoalForm.self)
        var validator = FormValidator()
        let title = validator.text("title", form.title, maxLength: 300)
        let target = validator.text("target", form.target, required: false, maxLength: 500)
        let status = form.status.flatMap(GoalStatus.init(rawValue:))
        if status == nil { validator.add("status", "validation.choose_option") }
        guard validator.isValid, let title, let status else {
            return try await page(req, opened, goal, form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity)
        }
        let goalID = try goal.requireID()
        let expected = form.version ?? 0
        let landed = try await req.db.transaction { tx -> Bool in
            let saved = try await tx.sql.updateVersioned(Goal.schema, id: goalID, expectedVersion: expected) {
                $0.set("title", to: title).set("target", to: target).set("status", to: status.rawValue)
            }
            if saved {
                try await req.audit("goal.updated", outcome: .success, basis: .involvement, subjectID: goal.householdID, purpose: "detail:\(goal.domain)", objectType: "goal", objectID: goalID.uuidString, on: tx)
            }
            return saved
        }
        if landed { return req.redirect(to: SiteRoute.household.path(goal.householdID)) }
        let current = try await Goal.find(goalID, in: goal.tenantID, on: req.db)
        form.version = current.version
        let conflict = Conflict(title: current.title, target: current.target ?? "", status: req.t("goal.status.\(current.status)"))
        let errors = FormErrors(summary: [.init(field: "title", message: req.t("error.conflict"))], fields: [:])
        return try await page(req, opened, current, form, errors: errors, conflict: conflict, status: .conflict)
    }

    /// The goal, after the access rule for its household and domain.
    private func open(_ req: Request, event: String) async throws -> (ResidentAccess.Opened, Goal) {
        let actor = try req.requireActor()
        let householdID = req.parameters.get("householdID", as: UUID.self)
        guard let goal = try await req.parameters.get("goalID", as: UUID.self).asyncFlatMap({
            try await Goal.scoped(to: actor.tenantID, on: req.db).filter(\.$id == $0).first()
        }), goal.householdID == householdID, let domain = goal.lifeDomain else {
            _ = try await req.residentAccess().open(householdID, .identity, event: event)
            throw AppError.notFound
        }
        return (try await req.residentAccess().open(householdID, .detail(domain), event: event), goal)
    }

    private func page(
        _ req: Request, _ opened: ResidentAccess.Opened, _ goal: Goal, _ values: GoalForm,
        errors: FormErrors = .none, conflict: Conflict? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let householdID = try opened.household.requireID()
        let page = EditPage(
            action: SiteRoute.goal.path(householdID, try goal.requireID()), backHref: SiteRoute.household.path(householdID),
            domain: req.t("domain.\(goal.domain)"), title: values.title ?? "", target: values.target ?? "", version: values.version ?? 0,
            statuses: GoalStatus.allCases.map { Option(value: $0.rawValue, label: req.t("goal.status.\($0.rawValue)"), selected: $0.rawValue == values.status) },
            errors: errors, conflict: conflict
        )
        return try await req.page("goals/edit", title: req.t("goal.edit"), page, status: status)
    }

    private func rerender(_ req: Request, _ opened: ResidentAccess.Opened, _ errors: FormErrors) async throws -> Response {
        let page = try await HouseholdPage.build(opened, req: req, errors: errors)
        return try await req.page("households/show", title: opened.household.name, page, status: .unprocessableEntity)
    }
}
