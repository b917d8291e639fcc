import Fluent

/// Withdrawing a consent changes what partners may do: the monitor finds
/// such changes by this timestamp, as it does for the other tables.
struct UpdateConsentsAddUpdatedAt: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Consent.schema).field("updated_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Consent.schema).deleteField("updated_at").update()
    }
}
