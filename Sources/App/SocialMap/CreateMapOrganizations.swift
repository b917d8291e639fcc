import Fluent

struct CreateMapOrganizations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MapOrganization.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("email", .string)
            .field("website", .string)
            .field("informal", .bool, .required)
            .field("organization_id", .uuid, .references(Organization.schema, .id, onDelete: .setNull))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MapOrganization.schema).delete()
    }
}
