import Fluent

struct CreateMonitorRefreshes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MonitorRefresh.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("watermark", .datetime)
            .field("refreshed_at", .datetime)
            .field("started_at", .datetime)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", name: "monitor_refreshes_tenant")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MonitorRefresh.schema).delete()
    }
}
