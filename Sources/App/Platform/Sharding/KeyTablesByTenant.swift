import Fluent
import SQLKit

/// Issue 27: the tables created before keys carried the tenant get
/// (`tenant_id`, `id`) as primary key, `tenant_id` in every unique
/// constraint and in every foreign key between them; the access log is
/// keyed by its chain (one per tenant). Every row is kept, both ways.
/// No index on `id` alone is kept: every statement names its tenant
/// (`TenantRoutingTests`), and one more index per table would slow every
/// insert. The lists are this migration's own, frozen as they were when it landed.
struct KeyTablesByTenant: AsyncMigration {
    static let tables: [(name: String, column: String)] = [
        "households", "residents", "involvements", "consents", "goals", "notes", "break_the_glass_openings",
        "plan_actions", "portal_activations", "plan_versions", "representations", "map_organizations", "services",
        "service_terms", "referrals", "referral_events", "notifications", "assessments", "assessment_scores",
        "map_locations", "service_at_locations", "map_phones", "map_schedules", "map_contacts", "service_areas",
    ].map { ($0, "tenant_id") } + [("access_log_entries", "chain"), ("access_log_heads", "chain")]

    /// Unique constraints that did not name the tenant before.
    static let narrowUniques: Set<[String]> = [
        ["code_hash"], ["household_id", "number"], ["service_id", "term_id"], ["assessment_id", "item_id"],
        ["service_id", "location_id"], ["service_id", "extent_type", "extent"],
    ]
    /// References that set null when their parent went (referrals.service_id,
    /// referrals.redirected_from_id): composite, they take no action.
    static let settingNull: Set<String> = ["service_id", "redirected_from_id"]

    func prepare(on db: any Database) async throws {
        let sharded = Set(Self.tables.filter { $0.column == "tenant_id" }.map(\.name))
        try await reshape(on: db) { keys, column in keys.carrying(column, parentsShardedBy: sharded.contains) }
    }

    func revert(on db: any Database) async throws {
        try await reshape(on: db) { keys, column in keys.dropping(column, narrowUniques: Self.narrowUniques, settingNull: Self.settingNull) }
    }

    /// Changes every table's keys in one transaction: interrupted, nothing has changed.
    private func reshape(on db: any Database, _ change: @escaping @Sendable (TableKeys, String) -> TableKeys) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await db.withConnection { connection in
                let pinned = connection as! any SQLDatabase
                try await pinned.raw("PRAGMA foreign_keys = OFF").run()
                do {
                    try await connection.transaction { tx in
                        let tx = tx as! any SQLDatabase
                        var targets: [TableKeys] = []
                        for (table, column) in Self.tables { targets.append(change(try await TableKeys.sqlite(table, on: tx), column)) }
                        try await TableKeys.reshapeSQLite(to: targets, on: tx)
                    }
                } catch {
                    try? await pinned.raw("PRAGMA foreign_keys = ON").run()
                    throw error
                }
                try await pinned.raw("PRAGMA foreign_keys = ON").run()
            }
        } else {
            try await db.transaction { tx in
                let tx = tx as! any SQLDatabase
                var targets: [TableKeys] = []
                for (table, column) in Self.tables { targets.append(change(try await TableKeys.postgres(table, on: tx), column)) }
                try await TableKeys.reshapePostgres(to: targets, on: tx)
            }
        }
    }
}
