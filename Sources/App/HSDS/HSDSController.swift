import Domain
import Fluent
import Vapor

/// The HSDS 3.0 read API, under each published map's own base URL
/// (`/t/<slug>/hsds`, where a standard HSDS client works as it is) and under
/// `/hsds`, where `?tenant=<slug>` names the map (or, without it, the
/// signed-in person's tenant). A map that is not public exists only for its
/// own tenant's people. Anything else is a 404 (an unknown or private map)
/// or a 400 (no tenant named, bad parameters).
struct HSDSController {
    func register(_ app: any RoutesBuilder) {
        registerPaths(app)
        // The same paths below `/t/<slug>`: `/t/<slug>/hsds/services`, …
        registerPaths(app.grouped(Array(SiteRoute.publicHSDS.components.dropLast())))
    }

    private func registerPaths(_ app: any RoutesBuilder) {
        app.get(SiteRoute.hsdsRoot, use: info)
        app.get(SiteRoute.hsdsServices, use: services)
        app.get(SiteRoute.hsdsService, use: service)
        app.get(SiteRoute.hsdsOrganizations, use: organizations)
        app.get(SiteRoute.hsdsOrganization, use: organization)
        app.get(SiteRoute.hsdsTaxonomies, use: taxonomies)
        app.get(SiteRoute.hsdsTaxonomy, use: taxonomy)
        app.get(SiteRoute.hsdsTaxonomyTerms, use: taxonomyTerms)
        app.get(SiteRoute.hsdsTaxonomyTerm, use: taxonomyTerm)
        app.get(SiteRoute.hsdsServiceAtLocations, use: serviceAtLocations)
        app.get(SiteRoute.hsdsServiceAtLocation, use: serviceAtLocation)
    }

    func info(req: Request) async throws -> Response {
        try await Self.requireMap(req)
        return try json(HSDS.Info(version: "3.0", profile: "https://openreferral.org/",
                           openapi_url: "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"))
    }

    func services(req: Request) async throws -> Response {
        let tenantID = try await Self.tenant(req)
        let parameters = try HSDSParameters(req)
        let mapping = Self.mapping(req)
        guard let filter = parameters.filter() else { return try json(HSDS.Page<HSDS.Service>(contents: [], total: 0, page: parameters.page, perPage: parameters.perPage)) }
        let (page, total) = try await filter.page(parameters.page, perPage: parameters.perPage, tenantID: tenantID, on: req.db)
        let contents: [HSDS.Service]
        if parameters.full {
            contents = try await ServiceRecords.load(page, tenantID: tenantID, on: req.db).map { mapping.service($0, full: true) }
        } else {
            let providers = try await ServiceRecords.providers(of: page, tenantID: tenantID, on: req.db)
            contents = page.compactMap { service in providers[service.mapOrganizationID].map { mapping.service(service, provider: $0) } }
        }
        return try json(HSDS.Page(contents: contents, total: total, page: parameters.page, perPage: parameters.perPage))
    }

    func service(req: Request) async throws -> Response {
        let tenantID = try await Self.tenant(req)
        let service = try await Service.find(req.id(.serviceID), in: tenantID, on: req.db)
        return try json(Self.mapping(req).service(try await ServiceRecords.load(service, on: req.db), full: true))
    }

    func organizations(req: Request) async throws -> Response {
        let tenantID = try await Self.tenant(req)
        let parameters = try HSDSParameters(req)
        let words = ServiceRanking.words(parameters.search)
        let all = try await MapOrganization.scoped(to: tenantID, on: req.db).sort(\.$name).sort(\.$id).all()
            .filter { provider in words.allSatisfy { "\(provider.name) \(provider.description)".lowercased().contains($0) } }
        let mapping = Self.mapping(req)
        return try json(HSDS.Page(all: all.map { mapping.organization($0) }, page: parameters.page, perPage: parameters.perPage))
    }

    func organization(req: Request) async throws -> Response {
        let tenantID = try await Self.tenant(req)
        let provider = try await MapOrganization.find(req.id(.mapOrganizationID), in: tenantID, on: req.db)
        let package = try await HSDSPackage.organizations([provider], tenantID: tenantID, mapping: Self.mapping(req), fullServices: false, on: req.db)
        return try json(package[0])
    }

    func taxonomies(req: Request) async throws -> Response {
        try await Self.requireMap(req)
        let parameters = try HSDSParameters(req)
        let mapping = Self.mapping(req)
        let words = ServiceRanking.words(parameters.search)
        let all = MapTaxonomy.allCases.map { mapping.taxonomy($0) }.filter { t in words.allSatisfy { t.name.lowercased().contains($0) } }
        return try json(HSDS.Page(all: all, page: parameters.page, perPage: parameters.perPage))
    }

    func taxonomy(req: Request) async throws -> Response {
        try await Self.requireMap(req)
        guard let id = req.id(.taxonomyID), let taxonomy = MapTaxonomy.allCases.first(where: { $0.id == id }) else { throw AppError.notFound }
        return try json(Self.mapping(req).taxonomy(taxonomy))
    }

    func taxonomyTerms(req: Request) async throws -> Response {
        try await Self.requireMap(req)
        let parameters = try HSDSParameters(req)
        let mapping = Self.mapping(req)
        let words = ServiceRanking.words(parameters.search)
        let all = MapTaxonomy.allTerms
            .filter { parameters.taxonomyID == nil || $0.taxonomy.id == parameters.taxonomyID }
            .map { mapping.term($0) }
            .filter { term in words.allSatisfy { (term.name ?? "").lowercased().contains($0) || (term.code ?? "").contains($0) } }
        return try json(HSDS.Page(all: all, page: parameters.page, perPage: parameters.perPage))
    }

    func taxonomyTerm(req: Request) async throws -> Response {
        try await Self.requireMap(req)
        guard let id = req.id(.termID), let term = MapTaxonomy.term(id: id) else { throw AppError.notFound }
        return try json(Self.mapping(req).term(term, detail: true))
    }

    func serviceAtLocations(req: Request) async throws -> Response {
        let tenantID = try await Self.tenant(req)
        let parameters = try HSDSParameters(req)
        let mapping = Self.mapping(req)
        guard let filter = parameters.filter() else { return try json(HSDS.Page<HSDS.ServiceAtLocation>(contents: [], total: 0, page: parameters.page, perPage: parameters.perPage)) }
        let services = try await filter.services(tenantID: tenantID, on: req.db)
        let records = try await ServiceRecords.load(services, tenantID: tenantID, on: req.db)
        let all = records.flatMap { record in record.places.map { mapping.serviceAtLocation($0, withService: mapping.service(record, full: false)) } }
        return try json(HSDS.Page(all: all, page: parameters.page, perPage: parameters.perPage))
    }

    func serviceAtLocation(req: Request) async throws -> Response {
        let tenantID = try await Self.tenant(req)
        let link = try await ServiceAtLocation.find(req.id(.serviceAtLocationID), in: tenantID, on: req.db)
        let service = try await Service.find(link.serviceID, in: tenantID, on: req.db)
        let record = try await ServiceRecords.load(service, on: req.db)
        guard let place = record.places.first(where: { $0.link.id == link.id }) else { throw AppError.notFound }
        let mapping = Self.mapping(req)
        return try json(mapping.serviceAtLocation(place, withService: mapping.service(record, full: false)))
    }

    /// The tenant whose map is asked for (see the type's comment): the path's
    /// before the query's.
    static func tenant(_ req: Request) async throws -> UUID {
        if let slug = req.text(.tenantSlug) ?? req.query[String.self, at: "tenant"] {
            guard TenantController.isValidSlug(slug), let tenant = try await Tenant.query(on: req.db).filter(\.$slug == slug).first(), tenant.isActive,
                  let id = tenant.id, tenant.publicSocialMap || id == req.actor?.tenantID
            else { throw AppError.notFound }
            return id
        }
        guard let actor = req.actor else { throw HSDSProblem(status: .badRequest, messageKey: "hsds.error.tenant") }
        return actor.tenantID
    }

    /// The taxonomies are the same for every map, but below a map's base URL
    /// that map must exist for the asker, as for every other path there.
    static func requireMap(_ req: Request) async throws {
        if req.text(.tenantSlug) != nil { _ = try await tenant(req) }
    }

    static func mapping(_ req: Request) -> HSDSMapping {
        let localizer = req.application.localizer, locale = req.locale
        return HSDSMapping(text: { localizer.text($0, locale) })
    }

    func json<T: Encodable>(_ value: T) throws -> Response {
        let response = Response(status: .ok)
        response.headers.contentType = .json
        response.body = .init(data: try JSONEncoder().encode(value))
        return response
    }
}
