import Domain
import Fluent
import Vapor

/// Tenant admin pages for users.
struct UserController {
    struct ListPage: Encodable {
        struct Row: Encodable {
            let username: String; let name: String; let role: String
            let organization: String; let active: Bool; let href: String
        }
        let rows: [Row]
        let newHref: String
    }

    typealias Conflict = UserFormPage.Conflict

    struct LinkPage: Encodable { let username: String; let link: String; let isInvitation: Bool; let backHref: String }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.users, use: list)
        routes.get(SiteRoute.userNew, use: new)
        routes.post(SiteRoute.users, use: create)
        routes.get(SiteRoute.user, use: edit)
        routes.post(SiteRoute.user, use: update)
        routes.post(SiteRoute.userDeactivate) { req in try await setActive(req, false) }
        routes.post(SiteRoute.userReactivate) { req in try await setActive(req, true) }
        routes.post(SiteRoute.userReset, use: reset)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let users = try await User.scoped(to: actor.tenantID, on: req.db).sort(\.$username).all()
        let names = try await req.organizationNames(in: actor.tenantID)
        let rows = try users.map {
            ListPage.Row(
                username: $0.username, name: $0.displayName,
                role: req.t("role.\($0.role)") + ($0.isManager ? " (\(req.t("users.manager")))" : ""),
                organization: $0.organizationID.flatMap { names[$0] } ?? "", active: $0.isActive,
                href: SiteRoute.user.path(try $0.requireID())
            )
        }
        return try await req.page("admin/users", title: req.t("users.title"), ListPage(rows: rows, newHref: SiteRoute.userNew.path()))
    }

    func new(req: Request) async throws -> Response {
        try await form(req, action: SiteRoute.users.path(), values: UserForm(), user: nil)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let submitted = try req.content.decode(UserForm.self)
        switch try await UserAdmin.invite(submitted, actor: actor, req: req) {
        case .saved(let user, let link):
            return try await linkPage(req, user: user, link: link ?? "", isInvitation: true)
        case .invalid(let issues):
            return try await form(req, action: SiteRoute.users.path(), values: submitted, user: nil, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .conflict: throw AppError.conflict
        }
    }

    func edit(req: Request) async throws -> Response {
        let user = try await Self.find(req)
        let values = UserForm(username: user.username, display_name: user.displayName, role: user.role, organization_id: user.organizationID?.uuidString,
                              is_manager: user.isManager ? "on" : nil, version: user.version)
        return try await form(req, action: req.url.path, values: values, user: user)
    }

    func update(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let user = try await Self.find(req)
        var submitted = try req.content.decode(UserForm.self)
        submitted.username = user.username
        switch try await UserAdmin.update(user, with: submitted, actor: actor, req: req) {
        case .saved: return req.redirect(to: SiteRoute.users.path(), notice: .userSaved)
        case .invalid(let issues):
            return try await form(req, action: req.url.path, values: submitted, user: user, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .conflict(let current):
            submitted.version = current.version
            let errors = FormErrors(summary: [.init(field: "display_name", message: req.t("error.conflict"))], fields: [:])
            let conflict = Conflict(name: current.displayName, role: req.t("role.\(current.role)"))
            return try await form(req, action: req.url.path, values: submitted, user: current, errors: errors, conflict: conflict, status: .conflict)
        }
    }

    func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let user = try await Self.find(req)
        try await UserAdmin.setActive(user, active, req: req)
        return req.redirect(to: SiteRoute.user.path(try user.requireID()), notice: .userSaved)
    }

    func reset(req: Request) async throws -> Response {
        struct ResetForm: Content { var second_factor: String? }
        let user = try await Self.find(req)
        let form = try req.content.decode(ResetForm.self)
        let link = try await UserAdmin.reset(user, secondFactor: form.second_factor == "on", req: req)
        return try await linkPage(req, user: user, link: link, isInvitation: false)
    }

    static func find(_ req: Request) async throws -> User {
        let actor = try req.requireActor()
        return try await User.find(req.id(.userID), in: actor.tenantID, on: req.db)
    }

    private func linkPage(_ req: Request, user: User, link: String, isInvitation: Bool) async throws -> Response {
        let page = LinkPage(username: user.username, link: req.absoluteURL(link), isInvitation: isInvitation, backHref: SiteRoute.users.path())
        return try await req.page("admin/user-link", title: req.t(isInvitation ? "users.invited" : "users.reset_done"), page)
    }

    private func form(
        _ req: Request, action: String, values: UserForm, user: User?,
        errors: FormErrors = .none, conflict: Conflict? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let actor = try req.requireActor()
        let assignable = actor.role.administersPlatform ? Role.allCases : Role.assignableByTenantAdmin
        let names = try await req.organizationNames(in: actor.tenantID).sorted { $0.value < $1.value }
        // Offer only what the actor may do: a platform admin's account is not a tenant admin's to manage.
        let editable = user.map { actor.role.manages($0.userRole) } ?? true
        let manage = try user.flatMap { user -> (active: Bool, canSwitchActive: Bool, id: UUID)? in
            guard editable else { return nil }
            return (user.isActive, user.id != actor.userID, try user.requireID())
        }
        let page = UserFormPage.build(
            action: action, values: values, isNew: user == nil, choices: .init(roles: assignable, organizations: names.map { ($0.key, $0.value) }),
            errors: errors, conflict: conflict, manage: manage, editable: editable, in: req
        )
        return try await req.page("admin/user-form", title: req.t(user == nil ? "users.new" : "users.edit"), page, status: status)
    }
}
