import Fluent

struct CreateOutboxEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(OutboxEvent.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("subscription_id", .uuid, .required)
            .field("event_id", .uuid, .required)
            .field("type", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("delivered_at", .datetime)
            .field("parked_at", .datetime)
            .field("last_error", .string)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "subscription_id"], references: EventSubscription.schema, ["tenant_id", "id"], onDelete: .cascade)
            .create()
        // The delivery job asks for what is due; the admin for what was parked.
        try await db.createIndex("outbox_events_due", on: OutboxEvent.schema, "tenant_id", "next_attempt_at")
        try await db.createIndex("outbox_events_parked", on: OutboxEvent.schema, "tenant_id", "parked_at")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(OutboxEvent.schema).delete()
    }
}
