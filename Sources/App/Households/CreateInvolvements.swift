import Fluent

struct CreateInvolvements: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Involvement.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references(Organization.schema, .id, onDelete: .restrict))
            .field("domains", .string, .required)
            .field("is_coordinator", .bool, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Involvement.schema).delete()
    }
}
