import Fluent

struct CreatePortalActivations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(PortalActivation.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("resident_id", .uuid, .required, .references(Resident.schema, .id, onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "code_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PortalActivation.schema).delete()
    }
}
