import Domain
import Fluent
import Vapor

/// Platform admin pages: the tenants on this installation, and creating one
/// with its first tenant admin.
struct TenantController {
    struct TenantForm: Content {
        var name: String?
        var slug: String?
        var admin_username: String?
        var admin_name: String?
    }

    struct ListPage: Encodable {
        struct Row: Encodable {
            let name: String; let slug: String; let isDemo: Bool; let users: Int
            let isActive: Bool; let toggleAction: String?
        }
        let rows: [Row]
        let newHref: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.tenants, use: list)
        routes.get(SiteRoute.tenantNew, use: new)
        routes.post(SiteRoute.tenants, use: create)
        routes.post(SiteRoute.tenantDeactivate) { req in try await setActive(req, false) }
        routes.post(SiteRoute.tenantReactivate) { req in try await setActive(req, true) }
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let tenants = try await Tenant.query(on: req.db).sort(\.$name).all()
        var rows: [ListPage.Row] = []
        for tenant in tenants {
            let users = try await User.scoped(to: try tenant.requireID(), on: req.db).count()
            let id = try tenant.requireID()
            // Nobody switches off the tenant they are signed in to.
            let toggle = id == actor.tenantID ? nil : (tenant.isActive ? SiteRoute.tenantDeactivate : SiteRoute.tenantReactivate).path(id)
            rows.append(.init(name: tenant.name, slug: tenant.slug, isDemo: tenant.isDemo, users: users, isActive: tenant.isActive, toggleAction: toggle))
        }
        return try await req.page("platform/tenants", title: req.t("tenants.title"), ListPage(rows: rows, newHref: SiteRoute.tenantNew.path()))
    }

    func new(req: Request) async throws -> Response {
        try await form(req, TenantForm(), errors: .none)
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(TenantForm.self)
        var validator = FormValidator()
        let name = validator.text("name", form.name, maxLength: 120)
        let slug = validator.text("slug", form.slug, maxLength: 40)
        if let slug, !Self.isValidSlug(slug) { validator.add("slug", "validation.slug_invalid") }
        let adminName = validator.text("admin_name", form.admin_name, maxLength: 120)
        let adminUsername = validator.text("admin_username", form.admin_username, maxLength: Username.maximumLength).flatMap { raw -> String? in
            if let normalized = Username.normalized(raw) { return normalized }
            validator.add("admin_username", "validation.username_invalid")
            return nil
        }
        if let slug, try await Tenant.query(on: req.db).filter(\.$slug == slug).first() != nil {
            validator.add("slug", "validation.slug_taken")
        }
        if let adminUsername, try await User.query(on: req.db).filter(\.$username == adminUsername).first() != nil {
            validator.add("admin_username", "validation.username_taken")
        }
        guard validator.isValid, let name, let slug, let adminName, let adminUsername else {
            return try await self.form(req, form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity)
        }
        let (admin, link) = try await req.db.transaction { tx in
            let tenant = Tenant(name: name, slug: slug)
            try await tenant.create(on: tx)
            let admin = User(tenantID: try tenant.requireID(), organizationID: nil, username: adminUsername, displayName: adminName, role: .tenantAdmin)
            try await admin.create(on: tx)
            try await req.audit("tenant.create", outcome: .success, basis: .administration, objectType: "tenant", objectID: tenant.id?.uuidString, on: tx)
            return (admin, try await AccountLinks.issue(for: admin, purpose: .invitation, req: req, on: tx))
        }
        let page = UserController.LinkPage(username: admin.username, link: req.absoluteURL(link), isInvitation: true, backHref: SiteRoute.tenants.path())
        return try await req.page("admin/user-link", title: req.t("users.invited"), page)
    }

    /// A deactivated tenant's users cannot sign in; its open sessions end at once. Its data stays.
    func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let actor = try req.requireActor()
        guard let tenant = try await Tenant.find(req.id(.tenantID), on: req.db) else { throw AppError.notFound }
        let id = try tenant.requireID()
        guard id != actor.tenantID else { throw AppError.forbidden }
        try await req.db.transaction { tx in
            tenant.isActive = active
            try await tenant.save(on: tx)
            if !active { try await UserSession.query(on: tx).filter(\.$tenantID == id).delete() }
            try await req.audit(active ? "tenant.reactivate" : "tenant.deactivate", outcome: .success, basis: .administration, objectType: "tenant", objectID: id.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.tenants.path())
    }

    static func isValidSlug(_ slug: String) -> Bool {
        (2...40).contains(slug.count) && slug.allSatisfy { ($0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) || $0 == "-" }
    }

    private func form(_ req: Request, _ form: TenantForm, errors: FormErrors, status: HTTPStatus = .ok) async throws -> Response {
        try await req.page("platform/tenant-form", title: req.t("tenants.new"), TenantFormPage.build(form, errors: errors, in: req), status: status)
    }
}
