import Fluent

/// The monitor finds changed profiles, proposals and placements by time
/// (issue 24's indicators), as it does the other tables
/// (`CreateMonitorChangeIndexes`): without these it would read them whole.
struct CreateParticipationChangeIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String)] = [
        ("participation_profiles_changed", ParticipationProfile.schema),
        ("participation_proposals_changed", ParticipationProposal.schema),
        ("participation_placements_changed", ParticipationPlacement.schema),
    ]

    func prepare(on db: any Database) async throws {
        for index in Self.indexes { try await db.createIndex(index.name, on: index.table, "tenant_id", "updated_at") }
    }

    func revert(on db: any Database) async throws {
        for index in Self.indexes.reversed() { try await db.dropIndex(index.name) }
    }
}
