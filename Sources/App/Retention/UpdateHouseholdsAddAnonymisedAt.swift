import Fluent

/// When a household's file was erased: what stays is anonymous (the counts
/// the monitor was built from), and pages say the file was erased.
struct UpdateHouseholdsAddAnonymisedAt: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Household.schema).field("anonymised_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Household.schema).deleteField("anonymised_at").update()
    }
}
