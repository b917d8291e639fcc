import Fluent
import Foundation

/// A one-time link that lets a person set a password: an invitation for a
/// new user, or a reset issued by an administrator. Stored as a keyed hash.
final class AccountLink: Model, TenantOwned, @unchecked Sendable {
    static let schema = "account_links"
    static let tenantKey: KeyPath<AccountLink, FieldProperty<AccountLink, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $userID, $tokenHash, $purpose, $expiresAt, $usedAt] }

    init() {}

    enum Purpose: String { case invitation, reset }

    init(tenantID: UUID, userID: UUID, tokenHash: String, purpose: Purpose, expiresAt: Date) {
        self.tenantID = tenantID
        self.userID = userID
        self.tokenHash = tokenHash
        self.purpose = purpose.rawValue
        self.expiresAt = expiresAt
    }
}
