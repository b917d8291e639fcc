import Fluent
import Foundation
import SQLKit

/// Writing to and reading from a user's notification centre.
enum Notifications {
    static func notify(_ userID: UUID, tenantID: UUID, messageKey: String, subject: String, link: String, on db: any Database) async throws {
        try await UserNotification(tenantID: tenantID, userID: userID, messageKey: messageKey, subject: subject, link: link).create(on: db)
        try await MailQueue.notificationArrived(for: userID, tenantID: tenantID, messageKey: messageKey, link: link, on: db)
    }

    static func unreadCount(userID: UUID, tenantID: UUID, on db: any Database) async throws -> Int {
        // Plain SQL: the count is on every page.
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS unread FROM notifications WHERE tenant_id = \(bind: tenantID) AND user_id = \(bind: userID) AND read_at IS NULL
            """).first()
        return try row?.decode(column: "unread", as: Int.self) ?? 0
    }

    /// Unread notifications that arrived after `since`, for a daily digest.
    static func unreadCount(userID: UUID, tenantID: UUID, since: Date, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS unread FROM notifications
            WHERE tenant_id = \(bind: tenantID) AND user_id = \(bind: userID) AND read_at IS NULL AND created_at > \(bind: since)
            """).first()
        return try row?.decode(column: "unread", as: Int.self) ?? 0
    }

    /// The newest notifications, and marks them read: seeing them is reading them.
    static func readRecent(userID: UUID, tenantID: UUID, limit: Int = 50, on db: any Database) async throws -> [UserNotification] {
        let recent = try await UserNotification.scoped(to: tenantID, on: db).filter(\.$userID == userID)
            .sort(\.$createdAt, .descending).limit(limit).all()
        try await UserNotification.scoped(to: tenantID, on: db).filter(\.$userID == userID).filter(\.$readAt == nil)
            .set(\.$readAt, to: Date()).update()
        return recent
    }
}
