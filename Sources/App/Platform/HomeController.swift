import Domain
import Fluent
import Vapor

/// The start page after signing in: what this role can do here.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.home, use: show)
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        // A resident's start page is their own plan.
        if actor.role == .resident, try await req.residentAccess().ownResident() != nil {
            return req.redirect(to: SiteRoute.portal.path())
        }
        let tenant = try await Tenant.find(actor.tenantID, on: req.db)
        var tiles: [(Route<Void>, String)] = []
        if actor.role == .professional { tiles += [(SiteRoute.worklist, "worklist"), (SiteRoute.households, "households")] }
        if actor.role == .volunteer { tiles.append((SiteRoute.myActions, "my_actions")) }
        if actor.role.administersTenant { tiles += [(SiteRoute.organizations, "organizations"), (SiteRoute.users, "users")] }
        if actor.role.administersPlatform { tiles.append((SiteRoute.tenants, "tenants")) }
        if actor.role.reviewsAccessLog { tiles += [(SiteRoute.accessLog, "access_log"), (SiteRoute.breakTheGlassReviews, "break_the_glass")] }
        tiles.append((SiteRoute.accountPassword, "account"))
        let page = HomePage(
            greeting: req.t("home.greeting", actor.displayName),
            tenant: tenant?.name ?? "",
            tiles: tiles.map { HomePage.Tile(href: $0.0.path(), title: req.t("home.tile.\($0.1).title"), text: req.t("home.tile.\($0.1).text")) }
        )
        return try await req.page("home", title: req.t("home.title"), page)
    }
}
