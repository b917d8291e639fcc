import Fluent

struct CreateMonitorCellValues: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MonitorCellValue.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("indicator", .string, .required)
            .field("period", .string, .required)
            .field("filter", .string, .required)
            .field("breakdown", .string, .required)
            .field("member", .string, .required)
            .field("number", .int, .required)
            .field("subjects", .int, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", "indicator", "period", "filter", "breakdown", "member", "number", name: "monitor_cell_values_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MonitorCellValue.schema).delete()
    }
}
