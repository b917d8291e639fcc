import Fluent

struct CreateNotes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Note.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("domain", .string, .required)
            .field("kind", .string, .required)
            .field("occurred_on", .string, .required)
            .field("text_encrypted", .string, .required)
            .field("author_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("organization_id", .uuid)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Note.schema).delete()
    }
}
