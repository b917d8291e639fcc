import Vapor

/// The notification centre: what happened to my referrals, newest first.
struct NotificationController {
    struct Row: Encodable { let text: String; let href: String; let when: String; let unread: Bool }
    struct PageContent: Encodable { let rows: [Row] }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.notifications, use: list)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let rows = try await Notifications.readRecent(userID: actor.userID, tenantID: actor.tenantID, on: req.db).map {
            Row(text: req.t($0.messageKey, $0.subject), href: $0.link, when: $0.createdAt.map { req.shortMoment($0) } ?? "", unread: $0.readAt == nil)
        }
        return try await req.page("notifications/list", title: req.t("notifications.title"), PageContent(rows: rows))
    }
}
