import Fluent

/// Signal cases feed the monitor (issue 23): when each last changed, and the
/// neighbourhood of its address.
struct UpdateSignalCasesAddMonitoring: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column a statement: SQLite adds one at a time.
        try await db.schema(SignalCase.schema).field("updated_at", .datetime).update()
        try await db.schema(SignalCase.schema).field("neighbourhood_code", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SignalCase.schema).deleteField("neighbourhood_code").update()
        try await db.schema(SignalCase.schema).deleteField("updated_at").update()
    }
}

/// What the monitor's refresh, the retention purge and a household's
/// erasure look signal cases up by; and households by postcode, for a
/// case's neighbourhood.
struct CreateSignalCaseIndexes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.createIndex("signal_cases_updated", on: SignalCase.schema, "tenant_id", "updated_at")
        try await db.createIndex("signal_cases_last_signalled", on: SignalCase.schema, "tenant_id", "last_signalled_on")
        try await db.createIndex("signal_cases_household", on: SignalCase.schema, "tenant_id", "household_id")
        try await db.createIndex("households_postcode", on: Household.schema, "tenant_id", "postcode")
    }

    func revert(on db: any Database) async throws {
        for name in ["signal_cases_updated", "signal_cases_last_signalled", "signal_cases_household", "households_postcode"] {
            try await db.dropIndex(name)
        }
    }
}
