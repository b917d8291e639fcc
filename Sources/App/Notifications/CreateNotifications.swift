import Fluent

struct CreateNotifications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(UserNotification.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("message_key", .string, .required)
            .field("subject", .string, .required)
            .field("link", .string, .required)
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await db.createIndex("notifications_user", on: UserNotification.schema, "tenant_id", "user_id", "read_at")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(UserNotification.schema).delete()
    }
}
