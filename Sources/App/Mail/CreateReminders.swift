import Fluent

struct CreateReminders: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Reminder.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("kind", .string, .required)
            .field("object_id", .uuid, .required)
            .field("due_on", .string, .required)
            .field("created_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", "kind", "object_id", "due_on")
            .create()
        // The reminders look for households whose plan review fell due.
        try await db.createIndex("households_review", on: Household.schema, "tenant_id", "review_on")
    }

    func revert(on db: any Database) async throws {
        try await db.dropIndex("households_review")
        try await db.schema(Reminder.schema).delete()
    }
}
