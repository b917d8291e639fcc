import Fluent

struct CreateGoals: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Goal.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("domain", .string, .required)
            .field("title", .string, .required)
            .field("target", .string)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Goal.schema).delete()
    }
}
