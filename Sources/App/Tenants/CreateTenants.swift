import Fluent

struct CreateTenants: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Tenant.schema)
            .id()
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("is_demo", .bool, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Tenant.schema).delete()
    }
}
