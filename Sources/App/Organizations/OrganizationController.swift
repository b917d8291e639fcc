import Domain
import Fluent
import Vapor

/// Tenant admin pages for organisations.
struct OrganizationController {
    struct ListPage: Encodable {
        struct Row: Encodable { let name: String; let kind: String; let kvk: String; let href: String }
        let rows: [Row]
        let newHref: String
    }

    typealias Conflict = OrganizationFormPage.Conflict

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.organizations, use: list)
        routes.get(SiteRoute.organizationNew, use: new)
        routes.post(SiteRoute.organizations, use: create)
        routes.get(SiteRoute.organization, use: edit)
        routes.post(SiteRoute.organization, use: update)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let organizations = try await Organization.scoped(to: actor.tenantID, on: req.db).sort(\.$name).all()
        let rows = try organizations.map {
            ListPage.Row(name: $0.name, kind: req.t("organization.kind.\($0.kind)"), kvk: $0.kvkNumber ?? "", href: SiteRoute.organization.path(try $0.requireID()))
        }
        return try await req.page("admin/organizations", title: req.t("organizations.title"), ListPage(rows: rows, newHref: SiteRoute.organizationNew.path()))
    }

    func new(req: Request) async throws -> Response {
        try await form(req, action: SiteRoute.organizations.path(), isNew: true, values: OrganizationForm())
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let submitted = try req.content.decode(OrganizationForm.self)
        switch try await OrganizationAdmin.create(submitted, tenantID: actor.tenantID, req: req) {
        case .saved: return req.redirect(to: SiteRoute.organizations.path(), notice: .organizationSaved)
        case .invalid(let issues):
            return try await form(req, action: SiteRoute.organizations.path(), isNew: true, values: submitted, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .conflict: throw AppError.conflict
        }
    }

    func edit(req: Request) async throws -> Response {
        let organization = try await Self.find(req)
        let values = OrganizationForm(name: organization.name, kind: organization.kind, kvk_number: organization.kvkNumber, intake_email: organization.intakeEmail, part_of_municipality: organization.partOfMunicipality ? "on" : nil, version: organization.version)
        return try await form(req, action: req.url.path, isNew: false, values: values)
    }

    func update(req: Request) async throws -> Response {
        let organization = try await Self.find(req)
        var submitted = try req.content.decode(OrganizationForm.self)
        switch try await OrganizationAdmin.update(organization, with: submitted, req: req) {
        case .saved: return req.redirect(to: SiteRoute.organizations.path(), notice: .organizationSaved)
        case .invalid(let issues):
            return try await form(req, action: req.url.path, isNew: false, values: submitted, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .conflict(let current):
            // Keep what was typed; saving again now knowingly replaces the newer version.
            submitted.version = current.version
            let conflict = Conflict(name: current.name, kind: req.t("organization.kind.\(current.kind)"), kvk: current.kvkNumber ?? "")
            let errors = FormErrors(summary: [.init(field: "name", message: req.t("error.conflict"))], fields: [:])
            return try await form(req, action: req.url.path, isNew: false, values: submitted, errors: errors, conflict: conflict, status: .conflict)
        }
    }

    static func find(_ req: Request) async throws -> Organization {
        let actor = try req.requireActor()
        return try await Organization.find(req.id(.organizationID), in: actor.tenantID, on: req.db)
    }

    private func form(
        _ req: Request, action: String, isNew: Bool, values: OrganizationForm,
        errors: FormErrors = .none, conflict: Conflict? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let page = OrganizationFormPage.build(action: action, values: values, errors: errors, conflict: conflict, in: req)
        return try await req.page("admin/organization-form", title: req.t(isNew ? "organizations.new" : "organizations.edit"), page, status: status)
    }
}
