import Fluent

/// Ending an involvement changes a household's plan: the monitor finds such
/// changes by this timestamp, as it does for the other tables.
struct UpdateInvolvementsAddUpdatedAt: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Involvement.schema).field("updated_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Involvement.schema).deleteField("updated_at").update()
    }
}
