import Fluent

/// What changed since the monitor's watermark is found by time, per table;
/// these indexes keep that lookup from reading the history. Only on
/// `updated_at`: an index on `created_at` would lure pages that sort by it
/// away from their household index (QueryPlanTests).
struct CreateMonitorChangeIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, column: String)] = [
        ("households_changed", Household.schema, "updated_at"),
        ("residents_changed", Resident.schema, "updated_at"),
        ("involvements_changed", Involvement.schema, "updated_at"),
        ("consents_changed", Consent.schema, "updated_at"),
        ("goals_changed", Goal.schema, "updated_at"),
        ("referrals_changed", Referral.schema, "updated_at"),
        ("assessments_created", Assessment.schema, "created_at"),
        ("plan_versions_signed", PlanVersion.schema, "signed_at"),
    ]

    func prepare(on db: any Database) async throws {
        for index in Self.indexes { try await db.createIndex(index.name, on: index.table, "tenant_id", index.column) }
    }

    func revert(on db: any Database) async throws {
        for index in Self.indexes.reversed() { try await db.dropIndex(index.name) }
    }
}
