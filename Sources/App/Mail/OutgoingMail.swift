import Domain
import Fluent
import Foundation

/// An e-mail waiting to go, or gone. It holds only what it says (`kind`,
/// a count for a digest) and where it leads; the address and language are
/// read when it is sent, so a changed address is used and nothing personal
/// sits in the queue.
final class OutgoingMail: Model, TenantOwned, @unchecked Sendable {
    static let schema = "outgoing_mails"
    static let tenantKey: KeyPath<OutgoingMail, FieldProperty<OutgoingMail, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// To a person (their work e-mail) …
    @OptionalField(key: "user_id") var userID: UUID?
    /// … or to an organisation's intake address.
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "kind") var kind: String
    /// A path on this site; the mail links to it.
    @Field(key: "link") var link: String
    /// How many notifications a digest stands for.
    @Field(key: "count") var count: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "parked_at") var parkedAt: Date?
    @OptionalField(key: "last_error") var lastError: String?

    var properties: [any AnyProperty] {
        [$id, $tenantID, $userID, $organizationID, $kind, $link, $count, $createdAt, $expiresAt, $attempts, $nextAttemptAt, $sentAt, $parkedAt, $lastError]
    }

    init() {}

    init(tenantID: UUID, to recipient: MailRecipient, kind: MailKind, link: String, count: Int = 1, at now: Date) {
        (self.id, self.tenantID, self.kind, self.link, self.count) = (UUID(), tenantID, kind.rawValue, link, count)
        switch recipient {
        case .user(let id): self.userID = id
        case .organization(let id): self.organizationID = id
        }
        (self.createdAt, self.expiresAt) = (now, now.addingTimeInterval(DeliveryBackoff.giveUpAfter))
        (self.attempts, self.nextAttemptAt) = (0, now)
    }

    var mailKind: MailKind { MailKind(rawValue: kind) ?? .waiting }
}

enum MailRecipient: Equatable {
    case user(UUID)
    case organization(UUID)
}
