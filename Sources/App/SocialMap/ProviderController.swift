import Domain
import Fluent
import Vapor

/// The providers on the map and their locations. Tenant admins see and add
/// all; organisation editors see and change their own.
struct ProviderController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.socialMapProviders, use: list)
        routes.get(SiteRoute.socialMapProviderNew, use: new)
        routes.post(SiteRoute.socialMapProviders, use: create)
        routes.get(SiteRoute.socialMapProvider, use: edit)
        routes.post(SiteRoute.socialMapProvider, use: update)
        routes.post(SiteRoute.socialMapLocations, use: addLocation)
        routes.post(SiteRoute.socialMapLocationDelete, use: deleteLocation)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let providers = try await ServiceEditing.editableProviders(for: actor, on: req.db)
        guard !providers.isEmpty || SocialMapRights.canManageMap(role: actor.role) else { throw AppError.forbidden }
        let names = try await Organization.scoped(to: actor.tenantID, on: req.db).all()
        var rows: [ProviderListPage.Row] = []
        for provider in providers {
            let id = try provider.requireID()
            let count = try await Service.scoped(to: actor.tenantID, on: req.db).filter(\.$mapOrganizationID == id).count()
            rows.append(.init(name: provider.name, href: SiteRoute.socialMapProvider.path(id), informal: provider.informal,
                              linked: names.first { $0.id == provider.organizationID }?.name ?? "", services: count))
        }
        let page = ProviderListPage(rows: rows, newHref: SocialMapRights.canManageMap(role: actor.role) ? SiteRoute.socialMapProviderNew.path() : nil)
        return try await req.page("socialmap/providers", title: req.t("socialmap.providers"), page)
    }

    func new(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard SocialMapRights.canManageMap(role: actor.role) else { throw AppError.forbidden }
        return try await form(req, actor: actor, provider: nil, values: ProviderEditing.Form())
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let submitted = try req.content.decode(ProviderEditing.Form.self)
        switch try await ProviderEditing.create(submitted, actor: actor, req: req) {
        case .saved(let id): return req.redirect(to: SiteRoute.socialMapProvider.path(id), notice: .providerSaved)
        case .invalid(let issues): return try await form(req, actor: actor, provider: nil, values: submitted, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .conflict: throw AppError.conflict
        }
    }

    func edit(req: Request) async throws -> Response {
        let (actor, provider) = try await find(req)
        let phones = try await MapPhone.scoped(to: actor.tenantID, on: req.db).filter(\.$mapOrganizationID == provider.id).all()
        let values = ProviderEditing.Form(
            name: provider.name, description: provider.description, email: provider.email, website: provider.website,
            phones: phones.map(\.number).joined(separator: ", "), informal: provider.informal ? "on" : nil,
            organization_id: provider.organizationID?.uuidString, version: provider.version)
        return try await form(req, actor: actor, provider: provider, values: values)
    }

    func update(req: Request) async throws -> Response {
        let (actor, provider) = try await find(req)
        var submitted = try req.content.decode(ProviderEditing.Form.self)
        switch try await ProviderEditing.update(provider, with: submitted, actor: actor, req: req) {
        case .saved(let id): return req.redirect(to: SiteRoute.socialMapProvider.path(id), notice: .providerSaved)
        case .invalid(let issues): return try await form(req, actor: actor, provider: provider, values: submitted, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .conflict(let current):
            submitted.version = current.version
            let errors = FormErrors(summary: [.init(field: "name", message: req.t("error.conflict"))], fields: [:])
            return try await form(req, actor: actor, provider: provider, values: submitted, errors: errors, conflictName: current.name, status: .conflict)
        }
    }

    func addLocation(req: Request) async throws -> Response {
        let (actor, provider) = try await find(req)
        let submitted = try req.content.decode(ProviderEditing.LocationForm.self)
        let issues = try await ProviderEditing.addLocation(submitted, to: provider, req: req)
        guard issues.isEmpty else {
            let values = ProviderEditing.Form(name: provider.name, description: provider.description, email: provider.email, website: provider.website,
                                              informal: provider.informal ? "on" : nil, organization_id: provider.organizationID?.uuidString, version: provider.version)
            return try await form(req, actor: actor, provider: provider, values: values, location: submitted,
                                  locationErrors: FormErrors(issues.map { .init(field: "location_\($0.field)", messageKey: $0.messageKey) }, req: req), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.socialMapProvider.path(try provider.requireID()), notice: .locationAdded)
    }

    func deleteLocation(req: Request) async throws -> Response {
        let (actor, provider) = try await find(req)
        let location = try await MapLocation.find(req.id(.locationID), in: actor.tenantID, on: req.db)
        guard location.mapOrganizationID == provider.id else { throw AppError.notFound }
        try await req.db.transaction { tx in
            try await location.delete(on: tx)
            try await req.audit("socialmap.location.delete", outcome: .success, basis: .administration, objectType: "map_location", objectID: location.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.socialMapProvider.path(try provider.requireID()), notice: .locationRemoved)
    }

    private func find(_ req: Request) async throws -> (Actor, MapOrganization) {
        let actor = try req.requireActor()
        let provider = try await MapOrganization.find(req.id(.mapOrganizationID), in: actor.tenantID, on: req.db)
        guard SocialMapRights.canEdit(role: actor.role, actorOrganizationID: actor.organizationID, providerOrganizationID: provider.organizationID) else {
            throw AppError.forbidden
        }
        return (actor, provider)
    }

    private func form(
        _ req: Request, actor: Actor, provider: MapOrganization?, values: ProviderEditing.Form,
        errors: FormErrors = .none, conflictName: String? = nil,
        location: ProviderEditing.LocationForm = .init(), locationErrors: FormErrors = .none, status: HTTPStatus = .ok
    ) async throws -> Response {
        let organizations = try await Organization.scoped(to: actor.tenantID, on: req.db).sort(\.$name).all()
        var locations: [ProviderFormPage.Location] = []
        if let id = provider?.id {
            locations = try await MapLocation.scoped(to: actor.tenantID, on: req.db).filter(\.$mapOrganizationID == id).sort(\.$name).all().map {
                .init(name: $0.name, address: "\($0.address1), \($0.postalCode) \($0.city)", deleteAction: SiteRoute.socialMapLocationDelete.path(id, $0.id!))
            }
        }
        let input = ProviderFormPage.Input(
            action: provider.flatMap { $0.id.map { SiteRoute.socialMapProvider.path($0) } } ?? SiteRoute.socialMapProviders.path(),
            values: values, errors: errors, conflictName: conflictName,
            organizations: SocialMapRights.canManageMap(role: actor.role) ? organizations.map { ($0.id!, $0.name) } : nil,
            locations: locations, locationAction: provider?.id.map { SiteRoute.socialMapLocations.path($0) }, location: location, locationErrors: locationErrors
        )
        let page = ProviderFormPage.build(input, in: req)
        return try await req.page("socialmap/provider-form", title: provider.map(\.name) ?? req.t("socialmap.new_provider"), page, status: status)
    }
}
