import Fluent

struct CreateMonitorCells: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MonitorCell.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("indicator", .string, .required)
            .field("period", .string, .required)
            .field("filter", .string, .required)
            .field("breakdown", .string, .required)
            .field("member", .string, .required)
            .field("subjects", .int, .required)
            .field("hits", .int, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", "indicator", "period", "filter", "breakdown", "member", name: "monitor_cells_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MonitorCell.schema).delete()
    }
}
