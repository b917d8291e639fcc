import Domain
import Fluent
import Vapor

/// Adding and changing services: tenant admins all, organisation editors
/// their own (SocialMapRights).
struct ServiceEditController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.socialMapServiceNew, use: new)
        routes.post(SiteRoute.socialMapServices, use: create)
        routes.get(SiteRoute.socialMapServiceEdit, use: edit)
        routes.post(SiteRoute.socialMapServiceEdit, use: update)
    }

    func new(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let providers = try await ServiceEditing.editableProviders(for: actor, on: req.db)
        guard !providers.isEmpty else { throw AppError.forbidden }
        var fields = ["status": "active", "capacity": "available", "accepts_referrals": "on", "response_days": "5", "language_nl": "on"]
        if providers.count == 1 { fields["map_organization_id"] = providers[0].id?.uuidString }
        return try await form(req, actor: actor, action: SiteRoute.socialMapServices.path(), isNew: true, form: ServiceForm(fields: fields))
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let submitted = ServiceForm(fields: try req.content.decode([String: String].self))
        switch try await ServiceEditing.create(submitted, actor: actor, req: req) {
        case .saved(let id): return req.redirect(to: SiteRoute.socialMapService.path(id), notice: .serviceSaved)
        case .invalid(let issues):
            return try await form(req, actor: actor, action: SiteRoute.socialMapServices.path(), isNew: true, form: submitted,
                                  errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .conflict: throw AppError.conflict
        }
    }

    func edit(req: Request) async throws -> Response {
        let (actor, service) = try await Self.editable(req)
        let record = try await ServiceRecords.load(service, on: req.db)
        return try await form(req, actor: actor, action: req.url.path, isNew: false, form: ServiceForm(fields: ServiceFormPage.fields(of: record)))
    }

    func update(req: Request) async throws -> Response {
        let (actor, service) = try await Self.editable(req)
        var submitted = ServiceForm(fields: try req.content.decode([String: String].self))
        switch try await ServiceEditing.update(service, with: submitted, actor: actor, req: req) {
        case .saved(let id): return req.redirect(to: SiteRoute.socialMapService.path(id), notice: .serviceSaved)
        case .invalid(let issues):
            return try await form(req, actor: actor, action: req.url.path, isNew: false, form: submitted, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .conflict(let current):
            // Keep what was typed; saving again knowingly replaces the newer version.
            submitted.fields["version"] = String(current.version)
            let conflict = ServiceFormPage.Conflict(
                name: current.name, capacity: req.capacityText(current.serviceCapacity, wait: current.expectedWaitWeeks),
                status: req.t("socialmap.status.\(current.status.replacingOccurrences(of: " ", with: "_"))"))
            let errors = FormErrors(summary: [.init(field: "name", message: req.t("error.conflict"))], fields: [:])
            return try await form(req, actor: actor, action: req.url.path, isNew: false, form: submitted, errors: errors, conflict: conflict, status: .conflict)
        }
    }

    /// The service in the actor's tenant (404 otherwise), and only when they may edit it (403).
    static func editable(_ req: Request) async throws -> (Actor, Service) {
        let actor = try req.requireActor()
        let service = try await Service.find(req.id(.serviceID), in: actor.tenantID, on: req.db)
        let provider = try await MapOrganization.find(service.mapOrganizationID, in: actor.tenantID, on: req.db)
        guard SocialMapRights.canEdit(role: actor.role, actorOrganizationID: actor.organizationID, providerOrganizationID: provider.organizationID) else {
            throw AppError.forbidden
        }
        return (actor, service)
    }

    private func form(
        _ req: Request, actor: Actor, action: String, isNew: Bool, form: ServiceForm,
        errors: FormErrors = .none, conflict: ServiceFormPage.Conflict? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let providers = try await ServiceEditing.editableProviders(for: actor, on: req.db)
        let providerIDs = providers.compactMap(\.id)
        let locations = providerIDs.isEmpty ? [] : try await MapLocation.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$mapOrganizationID ~~ providerIDs).sort(\.$name).all()
        let page = ServiceFormPage(req, action: action, isNew: isNew, form: form, providers: providers, locations: locations,
                                   errors: errors, conflict: conflict, cancelHref: SiteRoute.socialMap.path())
        return try await req.page("socialmap/service-form", title: req.t(isNew ? "socialmap.new_service" : "socialmap.edit_service"), page, status: status)
    }
}
