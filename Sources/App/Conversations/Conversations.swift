import Domain
import Fluent
import Foundation
import SQLKit

/// Starting, answering and editing conversations, and who has something
/// unread. Each change is one transaction with its access-log entry and the
/// unread marks of everyone who hears of it; the mail that says a message
/// waits is queued in it too, and names nothing of what was written.
enum Conversations {
    /// A conversation's first message, as a form or the API sent it.
    struct Opening {
        let domain: LifeDomain
        let subject: String
        let withResident: Bool
        let text: String
    }

    static func start(_ opening: Opening, in opened: ResidentAccess.Opened, context: Context, now: Date = Date()) async throws -> Conversation {
        let cipher = FieldCipher(key: context.keys.field)
        let conversation = Conversation(householdID: opened.householdID, tenantID: opened.tenantID, domain: opening.domain,
                                        subjectEncrypted: try cipher.seal(opening.subject), withResident: opening.withResident,
                                        by: context.actor, at: now)
        let message = try Message(in: conversation, textEncrypted: try cipher.seal(opening.text), by: context.actor, at: now)
        try await context.db.transaction { tx in
            try await conversation.create(on: tx)
            try await message.create(on: tx)
            try await context.auditChange("conversation.created", in: opened, purpose: "detail:\(opening.domain.rawValue)",
                                          objectType: "conversation", objectID: conversation.id?.uuidString, on: tx)
            try await deliver(conversation, in: opened, by: context.actor, at: now, on: tx)
        }
        return conversation
    }

    static func reply(_ text: String, in conversation: Conversation, opened: ResidentAccess.Opened, context: Context, now: Date = Date()) async throws -> Message {
        let message = try Message(in: conversation, textEncrypted: try FieldCipher(key: context.keys.field).seal(text), by: context.actor, at: now)
        try await context.db.transaction { tx in
            try await message.create(on: tx)
            try await tx.sql.update(Conversation.schema).set("last_message_at", to: now)
                .where("tenant_id", .equal, conversation.tenantID).where("id", .equal, try conversation.requireID()).run()
            try await context.auditChange("message.created", in: opened, purpose: "detail:\(conversation.domain)",
                                          objectType: "conversation", objectID: conversation.id?.uuidString, on: tx)
            try await deliver(conversation, in: opened, by: context.actor, at: now, on: tx)
        }
        return message
    }

    /// Changes the author's own message when it is still at `version`; what
    /// it said before is kept, and the message shows it was edited.
    /// False when it changed meanwhile (nothing is written then).
    static func edit(_ message: Message, of conversation: Conversation, to text: String, expectedVersion: Int, in opened: ResidentAccess.Opened,
                     context: Context, now: Date = Date()) async throws -> Bool {
        guard message.authorID == context.actor.userID else { throw AppError.forbidden }
        let sealed = try FieldCipher(key: context.keys.field).seal(text)
        return try await context.db.transaction { tx in
            guard message.version == expectedVersion else { return false }
            let changed = try await tx.sql.update(Message.schema)
                .set("text_encrypted", to: sealed).set("edited_at", to: now)
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
                .where("tenant_id", .equal, message.tenantID).where("id", .equal, try message.requireID())
                .where("version", .equal, expectedVersion).returning("id").first() != nil
            guard changed else { return false }
            try await MessageRevision(of: message, at: now).create(on: tx)
            try await context.auditChange("message.edited", in: opened, purpose: "detail:\(conversation.domain)",
                                          objectType: "conversation", objectID: message.conversationID.uuidString, on: tx)
            return true
        }
    }

    /// Marks everyone who hears of it as having something unread (keeping
    /// since when), the author as up to date, and queues the mails.
    private static func deliver(_ conversation: Conversation, in opened: ResidentAccess.Opened, by author: Actor, at now: Date, on db: any Database) async throws {
        let recipients = try await opened.audience(of: conversation, author: author.userID, on: db)
        let id = try conversation.requireID()
        for user in recipients.all { try await mark(user, in: conversation, unreadSince: now, on: db) }
        try await mark(author.userID, in: conversation, unreadSince: nil, readAt: now, on: db)
        for user in recipients.team {
            try await MailQueue.notificationArrived(for: user, tenantID: conversation.tenantID, messageKey: "notification.message_waiting",
                                                    link: SiteRoute.conversation.path(conversation.householdID, id), on: db, now: now)
        }
        for user in recipients.residents {
            try await MailQueue.notificationArrived(for: user, tenantID: conversation.tenantID, messageKey: "notification.message_waiting",
                                                    link: SiteRoute.portalConversation.path(id), on: db, now: now)
        }
    }

    /// One statement, safe when two servers deliver to the same person at once.
    private static func mark(_ user: UUID, in conversation: Conversation, unreadSince: Date?, readAt: Date? = nil, on db: any Database) async throws {
        let unread: SQLQueryString = unreadSince == nil
            ? "NULL" : "COALESCE(\(ident: ConversationParticipant.schema).unread_since, excluded.unread_since)"
        try await db.sql.raw("""
            INSERT INTO conversation_participants (tenant_id, id, conversation_id, user_id, unread_since, last_read_at)
            VALUES (\(bind: conversation.tenantID), \(bind: UUID()), \(bind: try conversation.requireID()), \(bind: user), \(bind: unreadSince), \(bind: readAt))
            ON CONFLICT (tenant_id, conversation_id, user_id) DO UPDATE SET unread_since = \(unread),
              last_read_at = COALESCE(excluded.last_read_at, \(ident: ConversationParticipant.schema).last_read_at)
            """).run()
    }

    /// The person has read the conversation as it is now.
    static func markRead(_ conversation: Conversation, by userID: UUID, on db: any Database, now: Date = Date()) async throws {
        try await db.sql.update(ConversationParticipant.schema).set("unread_since", to: SQLLiteral.null).set("last_read_at", to: now)
            .where("tenant_id", .equal, conversation.tenantID).where("conversation_id", .equal, try conversation.requireID())
            .where("user_id", .equal, userID).run()
    }

    /// Conversations with something the person has not read: the count beside the menu.
    static func unreadCount(userID: UUID, tenantID: UUID, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS unread FROM conversation_participants
            WHERE tenant_id = \(bind: tenantID) AND user_id = \(bind: userID) AND unread_since IS NOT NULL
            """).first()
        return try row?.decode(column: "unread", as: Int.self) ?? 0
    }
}

extension Conversations {
    /// Which of these conversations the person has something unread in.
    static func unread(among conversations: [Conversation], userID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<UUID> {
        let ids = conversations.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let rows = try await db.sql.raw("""
            SELECT conversation_id FROM conversation_participants WHERE tenant_id = \(bind: tenantID) AND user_id = \(bind: userID)
            AND unread_since IS NOT NULL AND conversation_id IN (\(binds: ids))
            """).all()
        return Set(try rows.map { try $0.decode(column: "conversation_id", as: UUID.self) })
    }
}
