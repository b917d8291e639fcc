import Domain
import Fluent
import Vapor

/// Goals in the household's plan, per life domain. Adding or changing one
/// needs detail access to its domain; edits are versioned, so two people
/// never overwrite each other silently.
struct GoalController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.goalNew, use: new)
        routes.post(SiteRoute.goals, use: add)
        routes.get(SiteRoute.goal, use: edit)
        routes.post(SiteRoute.goal, use: update)
    }

    func new(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "goal.form")
        return try await req.formPage(GoalNewPage.build(opened, in: req.context()))
    }

    func add(req: Request) async throws -> Response {
        let form = try req.content.decode(GoalForm.self)
        let access = try req.residentAccess()
        guard let domain = form.domain.flatMap(LifeDomain.init(rawValue:)) else {
            let opened = try await access.open(req.id(.householdID), .identity, event: "goal.create")
            return try await req.formPage(GoalNewPage.build(opened, typed: form, errors: FormErrors([.init(field: "goal_domain", messageKey: "validation.choose_option")], req: req), in: req.context()))
        }
        let opened = try await access.open(req.id(.householdID), .write(domain), event: "goal.create")
        var validator = FormValidator()
        let title = validator.text("goal_title", form.title, maxLength: 300)
        let target = validator.text("goal_target", form.target, required: false, maxLength: 500)
        guard validator.isValid, let title else { return try await req.formPage(GoalNewPage.build(opened, typed: form, errors: FormErrors(validator.issues, req: req), in: req.context())) }
        let household = opened.household
        let goal = Goal(tenantID: household.tenantID, householdID: try household.requireID(), domain: domain, title: title, target: target)
        try await req.db.transaction { tx in
            try await goal.create(on: tx)
            try await req.context().auditChange("goal.created", in: opened, purpose: "detail:\(domain.rawValue)", objectType: "goal", objectID: goal.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(try household.requireID()), notice: .goalAdded)
    }

    func edit(req: Request) async throws -> Response {
        let (opened, goal) = try await Self.openGoal(req, event: "goal.view")
        return try await Self.page(req, opened, goal, GoalForm(goal))
    }

    func update(req: Request) async throws -> Response {
        let (opened, goal) = try await Self.openGoal(req, event: "goal.update", writing: true)
        var form = try req.content.decode(GoalForm.self)
        var validator = FormValidator()
        let title = validator.text("title", form.title, maxLength: 300)
        let target = validator.text("target", form.target, required: false, maxLength: 500)
        let status = form.status.flatMap(GoalStatus.init(rawValue:))
        if status == nil { validator.add("status", "validation.choose_option") }
        guard validator.isValid, let title, let status else {
            return try await Self.page(req, opened, goal, form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity)
        }
        let goalID = try goal.requireID()
        let expected = form.version ?? 0
        let landed = try await req.db.transaction { tx -> Bool in
            let saved = try await tx.sql.updateVersioned(Goal.schema, id: goalID, in: goal.tenantID, expectedVersion: expected) {
                $0.set("title", to: title).set("target", to: target).set("status", to: status.rawValue)
            }
            if saved {
                try await req.context().auditChange("goal.updated", in: opened, purpose: "detail:\(goal.domain)", objectType: "goal", objectID: goalID.uuidString, on: tx)
            }
            return saved
        }
        if landed { return req.redirect(to: SiteRoute.household.path(goal.householdID), notice: .goalSaved) }
        guard let current = try await opened.goal(goalID, on: req.db) else { throw AppError.notFound }
        form.version = current.version
        let conflict = GoalEditPage.Conflict(title: current.title, target: current.target ?? "", status: req.t("goal.status.\(current.status)"))
        let errors = FormErrors(summary: [.init(field: "title", message: req.t("error.conflict"))], fields: [:])
        return try await Self.page(req, opened, current, form, errors: errors, conflict: conflict, status: .conflict)
    }

    /// The goal, after the access rule for its household and domain: to read
    /// it, or (`writing`) to change it or what hangs from it.
    static func openGoal(_ req: Request, event: String, writing: Bool = false) async throws -> (ResidentAccess.Opened, Goal) {
        try await req.residentAccess().openGoal(
            req.id(.goalID), of: req.id(.householdID), writing: writing, event: event)
    }

    /// The goal's referrals, with their targets' names read in two queries, not one per referral.
    static func referrals(of goal: Goal, in opened: ResidentAccess.Opened, req: Request) async throws -> [GoalEditPage.ReferralRow] {
        let referrals = try await opened.referrals(of: goal, on: req.db)
        guard !referrals.isEmpty else { return [] }
        let organizations = try await req.organizationNames(in: goal.tenantID)
        let serviceIDs = referrals.compactMap(\.serviceID)
        let services = serviceIDs.isEmpty ? [:] : Dictionary(try await Service.scoped(to: goal.tenantID, on: req.db).filter(\.$id ~~ serviceIDs).all()
            .map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        return try referrals.map { referral in
            GoalEditPage.ReferralRow(href: SiteRoute.referral.path(try referral.requireID()),
                        target: referral.serviceID.flatMap { services[$0] } ?? organizations[referral.receiverOrganizationID] ?? "",
                        status: req.t("referral.status.\(referral.status)"))
        }
    }

    static func page(
        _ req: Request, _ opened: ResidentAccess.Opened, _ goal: Goal, _ values: GoalForm,
        errors: FormErrors = .none, conflict: GoalEditPage.Conflict? = nil, status: HTTPStatus = .ok,
        newAction: ActionForm = .init()
    ) async throws -> Response {
        let householdID = try opened.household.requireID()
        let tenantID = opened.household.tenantID
        let goalID = try goal.requireID()
        let organizationNames = try await req.organizationNames(in: tenantID)
        let volunteers = try await User.scoped(to: tenantID, on: req.db).filter(\.$role == Role.volunteer.rawValue).filter(\.$isActive == true).sort(\.$displayName).all()
        let actions = try await opened.actions(of: goal, on: req.db)
        let owners = try await PlanAction.owners(of: actions, tenantID: tenantID, forResident: false, in: req.context())
        let context = try req.context()
        var fields = FieldBuilder(context, errors: errors)
        let goalForm = GoalEditPage.goalFields(values, &fields, in: context)
        let actionForm = GoalEditPage.actionFields(newAction, volunteers: volunteers, organizations: organizationNames, &fields, in: context)
        let rows = try actions.map { action in
            let owner = action.id.flatMap { owners[$0] } ?? ""
            let actionID = try action.requireID()
            var rowField = FieldBuilder(context)
            return GoalEditPage.ActionRow(
                description: action.description, owner: owner, due: req.shortDay(action.dueOn), status: req.t("action.status.\(action.status)"),
                statusAction: SiteRoute.actionStatus.path(householdID, goalID, actionID), version: action.version,
                statusField: rowField.field("status-" + actionID.uuidString, name: "status", .select, label: "users.status",
                                       options: ActionStatus.allCases.map { Option(value: $0.rawValue, label: req.t("action.status.\($0.rawValue)"), selected: $0.rawValue == action.status) },
                                       hiddenLabel: action.description)
            )
        }
        let page = GoalEditPage(
            household: opened.household.name,
            action: SiteRoute.goal.path(householdID, try goal.requireID()), backHref: SiteRoute.household.path(householdID),
            domain: req.t("domain.\(goal.domain)"), version: values.version ?? 0,
            goalForm: goalForm, errors: fields.namedErrors, conflict: conflict,
            actions: rows, actionAction: SiteRoute.actions.path(householdID, goalID), actionForm: actionForm,
            referHref: SiteRoute.referralNew.path(householdID, goalID),
            referrals: try await Self.referrals(of: goal, in: opened, req: req)
        )
        return try await req.page("goals/edit", title: req.t("goal.edit"), page, status: status)
    }
}
