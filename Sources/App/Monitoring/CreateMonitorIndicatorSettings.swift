import Fluent

struct CreateMonitorIndicatorSettings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MonitorIndicatorSetting.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("indicator_id", .string, .required)
            .field("hidden", .bool, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", "indicator_id", name: "monitor_indicator_settings_tenant_indicator")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MonitorIndicatorSetting.schema).delete()
    }
}
