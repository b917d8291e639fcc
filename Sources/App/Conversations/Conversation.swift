import Domain
import Fluent
import Foundation

/// A conversation around one household, about one life domain: who may read
/// it follows the access rule for that domain, as for notes; the resident
/// reads it in the portal only when the one who started it included them.
/// The subject is encrypted at rest, like every message.
final class Conversation: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "conversations"
    static let tenantKey: KeyPath<Conversation, FieldProperty<Conversation, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "domain") var domain: String
    @Field(key: "subject_encrypted") var subjectEncrypted: String
    @Field(key: "with_resident") var withResident: Bool
    @Field(key: "started_by") var startedBy: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_message_at") var lastMessageAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $householdID, $domain, $subjectEncrypted, $withResident, $startedBy, $organizationID, $createdAt, $lastMessageAt]
    }

    init() {}

    init(householdID: UUID, tenantID: UUID, domain: LifeDomain, subjectEncrypted: String, withResident: Bool, by actor: Actor, at now: Date) {
        (self.id, self.tenantID, self.householdID, self.domain, self.subjectEncrypted, self.withResident) =
            (UUID(), tenantID, householdID, domain.rawValue, subjectEncrypted, withResident)
        (self.startedBy, self.organizationID, self.createdAt, self.lastMessageAt) = (actor.userID, actor.organizationID, now, now)
    }

    var lifeDomain: LifeDomain? { LifeDomain(rawValue: domain) }
}

/// One message. Never changed silently: an edit keeps what it said before
/// (`MessageRevision`) and shows that it was edited, and when.
final class Message: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "messages"
    static let tenantKey: KeyPath<Message, FieldProperty<Message, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "conversation_id") var conversationID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "author_id") var authorID: UUID
    /// Nil when the resident (or their representative) wrote it.
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "text_encrypted") var textEncrypted: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "edited_at") var editedAt: Date?
    @Field(key: "version") var version: Int

    var properties: [any AnyProperty] {
        [$id, $tenantID, $conversationID, $householdID, $authorID, $organizationID, $textEncrypted, $createdAt, $editedAt, $version]
    }

    init() {}

    init(in conversation: Conversation, textEncrypted: String, by actor: Actor, at now: Date) throws {
        (self.id, self.tenantID, self.conversationID, self.householdID) = (UUID(), conversation.tenantID, try conversation.requireID(), conversation.householdID)
        (self.authorID, self.organizationID, self.textEncrypted, self.createdAt, self.version) =
            (actor.userID, actor.role == .resident ? nil : actor.organizationID, textEncrypted, now, 1)
    }
}

/// What a message said before it was edited.
final class MessageRevision: Model, TenantOwned, @unchecked Sendable {
    static let schema = "message_revisions"
    static let tenantKey: KeyPath<MessageRevision, FieldProperty<MessageRevision, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "text_encrypted") var textEncrypted: String
    @Field(key: "written_at") var writtenAt: Date
    @Field(key: "replaced_at") var replacedAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $messageID, $textEncrypted, $writtenAt, $replacedAt] }

    init() {}

    init(of message: Message, at now: Date) throws {
        (self.id, self.tenantID, self.messageID) = (UUID(), message.tenantID, try message.requireID())
        (self.textEncrypted, self.writtenAt, self.replacedAt) = (message.textEncrypted, message.editedAt ?? message.createdAt, now)
    }
}

/// Someone who hears of a conversation's new messages, and since when
/// there is something they have not read.
final class ConversationParticipant: Model, TenantOwned, @unchecked Sendable {
    static let schema = "conversation_participants"
    static let tenantKey: KeyPath<ConversationParticipant, FieldProperty<ConversationParticipant, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "conversation_id") var conversationID: UUID
    @Field(key: "user_id") var userID: UUID
    @OptionalField(key: "unread_since") var unreadSince: Date?
    @OptionalField(key: "last_read_at") var lastReadAt: Date?

    var properties: [any AnyProperty] { [$id, $tenantID, $conversationID, $userID, $unreadSince, $lastReadAt] }

    init() {}
}
