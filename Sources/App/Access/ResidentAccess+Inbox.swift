import Domain
import Fluent
import Foundation
import SQLKit

extension ResidentAccess {
    /// A conversation a professional takes part in, as their inbox lists it.
    struct InboxItem {
        let conversationID: UUID, householdID: UUID, householdName: String, domain: LifeDomain
        let subjectEncrypted: String, lastMessageAt: Date, unread: Bool
    }

    /// The conversations the professional takes part in, latest first (only
    /// those with something unread when `unreadOnly`), each kept only when
    /// the access rule still lets them read its domain of that household:
    /// access is decided for all rows at once, and every row opens through
    /// `openRow` when followed.
    func inbox(unreadOnly: Bool, limit: Int = 50) async throws -> [InboxItem] {
        guard actor.role == .professional else { return [] }
        let onlyUnread: SQLQueryString = unreadOnly ? " AND p.unread_since IS NOT NULL" : ""
        let rows = try await context.db.sql.raw("""
            SELECT c.id, c.household_id, c.domain, c.subject_encrypted, c.last_message_at, p.unread_since, h.name FROM conversation_participants p
            JOIN conversations c ON c.tenant_id = p.tenant_id AND c.id = p.conversation_id
            JOIN households h ON h.tenant_id = c.tenant_id AND h.id = c.household_id
            WHERE p.tenant_id = \(bind: actor.tenantID) AND p.user_id = \(bind: actor.userID)\(onlyUnread)
            ORDER BY c.last_message_at DESC, c.id LIMIT \(literal: limit)
            """).all()
        let items = try rows.compactMap { row -> InboxItem? in
            guard let domain = LifeDomain(rawValue: try row.decode(column: "domain", as: String.self)) else { return nil }
            return InboxItem(
                conversationID: try row.decode(column: "id", as: UUID.self), householdID: try row.decode(column: "household_id", as: UUID.self),
                householdName: try row.decode(column: "name", as: String.self), domain: domain,
                subjectEncrypted: try row.decode(column: "subject_encrypted", as: String.self),
                lastMessageAt: try row.decode(column: "last_message_at", as: Date.self),
                unread: try row.decode(column: "unread_since", as: Date?.self) != nil)
        }
        let contexts = try await contexts(forHouseholdsInTenant: Array(Set(items.map(\.householdID))))
        return items.filter { item in contexts[item.householdID].map { AccessPolicy.decide($0, .detail(item.domain)).isAllowed } ?? false }
    }
}
