import Fluent

struct CreateRepresentations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Representation.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("resident_id", .uuid, .required, .references(Resident.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Representation.schema).delete()
    }
}
