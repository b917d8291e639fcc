import Fluent

/// Indexes for the lookups every page does by household, organisation or
/// user, so pages stay as fast with 100,000 residents as with 100. The
/// tables came first; their indexes come here, in one migration.
struct CreateLookupIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("residents_household", "residents", ["tenant_id", "household_id"]),
        ("residents_user", "residents", ["tenant_id", "user_id"]),
        ("involvements_household", "involvements", ["tenant_id", "household_id"]),
        ("involvements_organization", "involvements", ["tenant_id", "organization_id"]),
        ("consents_household", "consents", ["tenant_id", "household_id"]),
        ("goals_household", "goals", ["tenant_id", "household_id"]),
        ("plan_actions_household", "plan_actions", ["tenant_id", "household_id"]),
        ("plan_actions_goal", "plan_actions", ["tenant_id", "goal_id"]),
        ("notes_household", "notes", ["tenant_id", "household_id"]),
        ("representations_household", "representations", ["tenant_id", "household_id"]),
        ("break_the_glass_household", "break_the_glass_openings", ["tenant_id", "household_id"]),
        ("plan_versions_household", "plan_versions", ["tenant_id", "household_id"]),
        ("access_log_subject", "access_log_entries", ["tenant_id", "subject_id"]),
        ("households_tenant_name", "households", ["tenant_id", "name"]),
        ("user_sessions_user", "user_sessions", ["user_id"]),
    ]

    func prepare(on db: any Database) async throws {
        for index in Self.indexes {
            var builder = db.sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on db: any Database) async throws {
        for index in Self.indexes.reversed() { try await db.dropIndex(index.name) }
    }
}
