import Domain
import Fluent
import Vapor

/// The social map for signed-in people: search and a service's page.
struct SocialMapController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.socialMap, use: search)
        routes.get(SiteRoute.socialMapService, use: show)
    }

    func search(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let canAdd = try await ServiceEditing.editableProviders(for: actor, on: req.db).isEmpty == false
        let page = try await SocialMapSearchPage.build(
            (try? req.query.decode(SocialMapSearchPage.Query.self)) ?? .init(), tenantID: actor.tenantID, action: SiteRoute.socialMap.path(), heading: req.t("socialmap.title"), isPublic: false,
            link: { SiteRoute.socialMapService.path($0) },
            newHref: canAdd ? SiteRoute.socialMapServiceNew.path() : nil,
            manageHref: canAdd ? SiteRoute.socialMapProviders.path() : nil,
            language: req, on: req.db
        )
        return try await req.page("socialmap/search", title: req.t("socialmap.title"), page)
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let service = try await Service.find(req.id(.serviceID), in: actor.tenantID, on: req.db)
        let record = try await ServiceRecords.load(service, on: req.db)
        let canEdit = SocialMapRights.canEdit(role: actor.role, actorOrganizationID: actor.organizationID, providerOrganizationID: record.organization.organizationID)
        var page = ServiceDetailPage(record, req: req, backHref: SiteRoute.socialMap.path(),
                                     editHref: canEdit ? SiteRoute.socialMapServiceEdit.path(record.id) : nil)
        page.offer = try await OfferSummary.of(service, req: req)
        page.offerHref = canEdit ? SiteRoute.socialMapServiceOffer.path(record.id) : nil
        let hosts = actor.role == .professional && actor.organizationID != nil && actor.organizationID == record.organization.organizationID
        page.candidatesHref = page.offer != nil && hosts ? SiteRoute.socialMapServiceCandidates.path(record.id) : nil
        return try await req.page("socialmap/service", title: service.name, page)
    }
}
