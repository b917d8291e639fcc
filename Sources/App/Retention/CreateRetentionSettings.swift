import Fluent

struct CreateRetentionSettings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(RetentionSettingRow.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("kind", .string, .required)
            .field("months", .int, .required)
            .field("erasable_on_request", .bool, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", "kind")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(RetentionSettingRow.schema).delete()
    }
}
