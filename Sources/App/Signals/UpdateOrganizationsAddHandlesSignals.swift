import Fluent

/// Which organisations handle early signals: the debt-help or outreach team
/// the tenant admin designates (issue 23).
struct UpdateOrganizationsAddHandlesSignals: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Organization.schema).field("handles_signals", .bool).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Organization.schema).deleteField("handles_signals").update()
    }
}
