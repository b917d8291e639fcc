import Fluent

struct CreateHouseholds: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Household.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("street", .string, .required)
            .field("postcode", .string, .required)
            .field("city", .string, .required)
            .field("neighbourhood_code", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Household.schema).delete()
    }
}
