import Fluent

/// The privacy officer's verdict on an emergency opening: justified or not.
struct UpdateBreakTheGlassOpeningsAddVerdict: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(BreakTheGlassOpening.schema).field("verdict", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(BreakTheGlassOpening.schema).deleteField("verdict").update()
    }
}
