import Domain
import Fluent
import Vapor

/// A tenant's social map for everyone, without signing in, when the tenant
/// admin has published it; otherwise it does not exist (404).
struct PublicSocialMapController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.publicSocialMap, use: search)
        routes.get(SiteRoute.publicService, use: show)
    }

    func search(req: Request) async throws -> Response {
        let tenant = try await Self.tenant(req)
        let tenantID = try tenant.requireID()
        let page = try await SocialMapSearchPage.build(
            (try? req.query.decode(SocialMapSearchPage.Query.self)) ?? .init(), tenantID: tenantID, action: SiteRoute.publicSocialMap.path(tenant.slug),
            heading: req.t("socialmap.public_title", tenant.name), isPublic: true,
            link: { SiteRoute.publicService.path(tenant.slug, $0) }, apiHref: SiteRoute.publicHSDS.path(tenant.slug),
            language: req, on: req.db
        )
        return try await req.page("socialmap/search", title: req.t("socialmap.public_title", tenant.name), page)
    }

    func show(req: Request) async throws -> Response {
        let tenant = try await Self.tenant(req)
        let service = try await Service.find(req.id(.serviceID), in: try tenant.requireID(), on: req.db)
        guard service.status != ServiceStatus.defunct.rawValue else { throw AppError.notFound }
        let record = try await ServiceRecords.load(service, on: req.db)
        var page = ServiceDetailPage(record, req: req, backHref: SiteRoute.publicSocialMap.path(tenant.slug), editHref: nil)
        page.offer = try await OfferSummary.of(service, req: req)
        return try await req.page("socialmap/service", title: service.name, page)
    }

    static func tenant(_ req: Request) async throws -> Tenant {
        guard let slug = req.text(.tenantSlug), TenantController.isValidSlug(slug),
              let tenant = try await Tenant.query(on: req.db).filter(\.$slug == slug).first(),
              tenant.isActive, tenant.publicSocialMap
        else { throw AppError.notFound }
        return tenant
    }
}
