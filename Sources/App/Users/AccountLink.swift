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

struct CreateAccountLinks: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AccountLink.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("purpose", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AccountLink.schema).delete()
    }
}
