import Fluent

struct CreateOrganizations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Organization.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("kvk_number", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tenant_id", "name")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Organization.schema).delete()
    }
}
