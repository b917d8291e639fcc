import Fluent

/// Monitor tables are keyed by (tenant_id, id) from their first migration,
/// so a distributed PostgreSQL can shard them by municipality (DESIGN §4).
struct CreateMonitorHouseholds: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MonitorHousehold.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("facts", .string, .required)
            .field("marked_on", .string, .required)
            .field("recheck_on", .string)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        try await db.createIndex("monitor_households_recheck", on: MonitorHousehold.schema, "tenant_id", "recheck_on")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MonitorHousehold.schema).delete()
    }
}
