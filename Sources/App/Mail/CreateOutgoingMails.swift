import Fluent

struct CreateOutgoingMails: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(OutgoingMail.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            // Users and organisations are small tables, not keyed by tenant.
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .cascade))
            .field("organization_id", .uuid, .references(Organization.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("link", .string, .required)
            .field("count", .int, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("sent_at", .datetime)
            .field("parked_at", .datetime)
            .field("last_error", .string)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        // The delivery job asks for what is due; the admin for what failed.
        try await db.createIndex("outgoing_mails_due", on: OutgoingMail.schema, "tenant_id", "next_attempt_at")
        try await db.createIndex("outgoing_mails_unsent", on: OutgoingMail.schema, "tenant_id", "sent_at")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(OutgoingMail.schema).delete()
    }
}
