import Fluent

struct CreateApiTokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ApiToken.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("client_id", .uuid, .references(ApiClient.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("scopes", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.createIndex("api_tokens_user", on: ApiToken.schema, "tenant_id", "user_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ApiToken.schema).delete()
    }
}
