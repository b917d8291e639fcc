import Fluent

struct CreateApiClients: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ApiClient.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("client_key", .string, .required)
            .field("secret_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("scopes", .string, .required)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "client_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ApiClient.schema).delete()
    }
}
