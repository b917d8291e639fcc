import Fluent

struct CreateEventSubscriptions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(EventSubscription.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("name", .string, .required)
            .field("url", .string, .required)
            .field("events", .string, .required)
            .field("secret_encrypted", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(EventSubscription.schema).delete()
    }
}
