import Fluent

struct CreateUserSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("stage", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("source", .string)
            .field("pending_totp_secret", .string)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(UserSession.schema).delete()
    }
}
