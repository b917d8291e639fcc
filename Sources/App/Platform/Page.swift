import Domain
import Vapor

/// What every page's layout needs: language, CSRF token, who is signed in,
/// the navigation for their role and the request id.
struct Layout: Encodable {
    struct Link: Encodable {
        let href: String; let label: String; let current: Bool; var count: String? = nil
        /// What the count counts, for screen readers ("unread", "to answer").
        var countLabel: String? = nil
    }
    struct Badge: Encodable { let name: String; let role: String }

    let lang: String
    let title: String
    let csrf: String
    let user: Badge?
    let nav: [Link]
    let otherLanguage: Link
    let otherLanguageCode: String
    let requestID: String
    /// What the last save did ("Doel toegevoegd"), announced on arrival.
    var notice: String? = nil
    var paths = Paths()

    /// The fixed paths templates link to, from the routes, never written in a template.
    struct Paths: Encodable {
        let accessLog = SiteRoute.accessLog.path()
        let accountLanguage = SiteRoute.accountLanguage.path()
        let accountMail = SiteRoute.accountMail.path()
        let accountPassword = SiteRoute.accountPassword.path()
        let apiClients = SiteRoute.apiClients.path()
        let eventSubscriptions = SiteRoute.eventSubscriptions.path()
        let erasure = SiteRoute.erasure.path()
        let retentionSettings = SiteRoute.retentionSettings.path()
        let erasureRequests = SiteRoute.erasureRequests.path()
        let legalHolds = SiteRoute.legalHolds.path()
        let apiTokens = SiteRoute.apiTokens.path()
        let enrol = SiteRoute.enrol.path()
        let home = SiteRoute.home.path()
        let households = SiteRoute.households.path()
        let login = SiteRoute.login.path()
        let logout = SiteRoute.logout.path()
        let monitor = SiteRoute.monitor.path()
        let organizations = SiteRoute.organizations.path()
        let portal = SiteRoute.portal.path()
        let portalAccessLog = SiteRoute.portalAccessLog.path()
        let portalAction = SiteRoute.portalAction.path()
        let portalPlanPrint = SiteRoute.portalPlanPrint.path()
        let portalActivate = SiteRoute.portalActivate.path()
        let portalComment = SiteRoute.portalComment.path()
        let portalConsents = SiteRoute.portalConsents.path()
        let portalExportHTML = SiteRoute.portalExportHTML.path()
        let portalExportJSON = SiteRoute.portalExportJSON.path()
        let portalSign = SiteRoute.portalSign.path()
        let referrals = SiteRoute.referrals.path()
        let secondFactor = SiteRoute.secondFactor.path()
        let socialMap = SiteRoute.socialMap.path()
        let socialMapProviders = SiteRoute.socialMapProviders.path()
        let tenants = SiteRoute.tenants.path()
        let users = SiteRoute.users.path()
    }
}

/// A page: the layout plus the view model of one template.
struct PageView<Content: Encodable>: Encodable {
    let layout: Layout
    let content: Content
}

/// Templates without a view model of their own.
struct NoContent: Encodable {}

extension Request {
    /// Renders `template` inside the layout, with a localized title.
    func page<Content: Encodable>(
        _ template: String, title: String, _ content: Content, status: HTTPStatus = .ok
    ) async throws -> Response {
        if let actor { navigationCounts = try await NavigationCounts.of(actor, on: db) }
        let view = PageView(layout: layout(title: title), content: content)
        let response = try await self.view.render(template, view).encodeResponse(for: self)
        response.status = status
        return response
    }

    func layout(title: String) -> Layout {
        let other: AppLocale = locale == .nl ? .en : .nl
        return Layout(
            lang: locale.rawValue,
            title: title,
            csrf: csrfToken,
            user: actor.map { Layout.Badge(name: $0.displayName, role: t("role.\($0.role.rawValue)")) },
            nav: navigation(),
            otherLanguage: Layout.Link(href: "\(url.path)?lang=\(other.rawValue)", label: t("layout.other_language"), current: false),
            otherLanguageCode: other.rawValue,
            requestID: id,
            notice: noticeText
        )
    }

    private func navigation() -> [Layout.Link] {
        guard let actor else { return [] }
        var routes: [(Route<Void>, String)] = [(SiteRoute.home, "nav.home")]
        if actor.role == .professional { routes += [(SiteRoute.worklist, "nav.worklist"), (SiteRoute.households, "nav.households"), (SiteRoute.referrals, "nav.referrals"), (SiteRoute.inbox, "nav.messages")] }
        if actor.role == .volunteer { routes.append((SiteRoute.myActions, "nav.my_actions")) }
        if actor.role == .resident { routes += [(SiteRoute.portal, "nav.portal"), (SiteRoute.portalConversations, "nav.messages"), (SiteRoute.portalDocuments, "nav.documents"), (SiteRoute.portalAppointments, "nav.appointments"), (SiteRoute.portalParticipation, "nav.taking_part"), (SiteRoute.portalAccessLog, "nav.who_looked")] }
        if actor.role != .platformAdmin { routes.append((SiteRoute.socialMap, "nav.social_map")) }
        if actor.role.administersTenant {
            routes += [(SiteRoute.organizations, "nav.organizations"), (SiteRoute.users, "nav.users"), (SiteRoute.apiClients, "nav.api_clients"), (SiteRoute.eventSubscriptions, "nav.event_subscriptions"), (SiteRoute.outgoingMails, "nav.mail"), (SiteRoute.signalPartners, "nav.signal_partners"), (SiteRoute.socialMapAdmin, "nav.social_map_admin"),
                       (SiteRoute.indicatorVisibility, "nav.indicator_visibility")]
        }
        if actor.role.administersTenant { routes += [(SiteRoute.tenantSettings, "nav.settings"), (SiteRoute.retentionSettings, "nav.retention")] }
        if actor.role.administersPlatform { routes.append((SiteRoute.tenants, "nav.tenants")) }
        if MonitorAccess.home(actor.monitorReader) != nil { routes.append((SiteRoute.monitor, "nav.monitor")) }
        if AgreementController.takesPart(actor) { routes.append((SiteRoute.agreements, "nav.agreements")) }
        if actor.role.reviewsAccessLog { routes += [(SiteRoute.accessLog, "nav.access_log"), (SiteRoute.breakTheGlassReviews, "nav.break_the_glass"), (SiteRoute.erasure, "nav.erasure")] }
        if navigationCounts.signalCasesWaiting != nil { routes.append((SiteRoute.signalCases, "nav.signals")) }
        if navigationCounts.sendsSignals { routes.append((SiteRoute.signalUploads, "nav.signal_uploads")) }
        if actor.role == .professional { routes.append((SiteRoute.notifications, "nav.notifications")) }
        routes.append((SiteRoute.accountPassword, "nav.account"))
        // The deepest menu item the page is under is the current one ("/portal/messages", not "/portal").
        let current = routes.map { $0.0.path() }.filter { $0 == "/" ? url.path == "/" : url.path == $0 || url.path.hasPrefix($0 + "/") }
            .max { $0.count < $1.count }
        return routes.map { route, key in
            let href = route.path()
            let current = href == current
            let (count, countKey) = navigationCounts.count(for: route)
            // Past 99 the menu says "99+": the count of a long queue is read no further than that.
            return Layout.Link(href: href, label: t(key), current: current, count: count.map { $0 > NavigationCounts.shownUpTo ? "\(NavigationCounts.shownUpTo)+" : String($0) },
                               countLabel: countKey.map { t($0) })
        }
    }
}

extension Request {
    private struct CountsKey: StorageKey { typealias Value = NavigationCounts }

    /// Shown beside the menu items they belong to.
    var navigationCounts: NavigationCounts {
        get { storage[CountsKey.self] ?? NavigationCounts() }
        set { storage[CountsKey.self] = newValue }
    }
}
