import Fluent
import Foundation

/// A message in a user's notification centre, e.g. "your referral was
/// accepted". The text is rendered from `messageKey` in the reader's
/// language; `subject` fills its one placeholder.
final class UserNotification: Model, TenantOwned, @unchecked Sendable {
    static let schema = "notifications"
    static let tenantKey: KeyPath<UserNotification, FieldProperty<UserNotification, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "message_key") var messageKey: String
    @Field(key: "subject") var subject: String
    /// Where the notification leads (a path on this site).
    @Field(key: "link") var link: String
    @OptionalField(key: "read_at") var readAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $userID, $messageKey, $subject, $link, $readAt, $createdAt] }

    init() {}

    init(tenantID: UUID, userID: UUID, messageKey: String, subject: String, link: String) {
        self.tenantID = tenantID
        self.userID = userID
        self.messageKey = messageKey
        self.subject = subject
        self.link = link
    }
}
