import Domain
import Vapor

/// What every page's layout needs: language, CSRF token, who is signed in,
/// the navigation for their role and the request id.
struct Layout: Encodable {
    struct Link: Encodable {
        let href: String; let label: String; let current: Bool; var count: Int? = nil
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
        if let actor, actor.role == .professional {
            unreadNotifications = try await Notifications.unreadCount(userID: actor.userID, tenantID: actor.tenantID, on: db)
        }
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
            requestID: id
        )
    }

    private func navigation() -> [Layout.Link] {
        guard let actor else { return [] }
        var routes: [(SiteRoute, String)] = [(.home, "nav.home")]
        if actor.role == .professional { routes += [(.worklist, "nav.worklist"), (.households, "nav.households"), (.referrals, "nav.referrals")] }
        if actor.role == .volunteer { routes.append((.myActions, "nav.my_actions")) }
        if actor.role == .resident { routes += [(.portal, "nav.portal"), (.portalAccessLog, "nav.who_looked")] }
        if actor.role != .platformAdmin { routes.append((.socialMap, "nav.social_map")) }
        if actor.role.administersTenant {
            routes += [(.organizations, "nav.organizations"), (.users, "nav.users"), (.apiClients, "nav.api_clients"), (.socialMapAdmin, "nav.social_map_admin")]
        }
        if actor.role.administersTenant { routes.append((.tenantSettings, "nav.settings")) }
        if actor.role.administersPlatform { routes.append((.tenants, "nav.tenants")) }
        if actor.role.reviewsAccessLog { routes += [(.accessLog, "nav.access_log"), (.breakTheGlassReviews, "nav.break_the_glass")] }
        if actor.role == .professional { routes.append((.notifications, "nav.notifications")) }
        routes.append((.accountPassword, "nav.account"))
        return routes.map { route, key in
            let href = route.path()
            let current = route == .home ? url.path == "/" : url.path.hasPrefix(href)
            let count = route == .notifications && unreadNotifications > 0 ? unreadNotifications : nil
            return Layout.Link(href: href, label: t(key), current: current, count: count)
        }
    }
}

extension Request {
    private struct UnreadKey: StorageKey { typealias Value = Int }

    /// Shown beside "Notifications" in the navigation.
    var unreadNotifications: Int {
        get { storage[UnreadKey.self] ?? 0 }
        set { storage[UnreadKey.self] = newValue }
    }
}
