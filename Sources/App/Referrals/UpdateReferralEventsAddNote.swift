import Fluent

/// A short note with a referral's step ("Intake gehad, traject loopt"),
/// encrypted like every free text about a resident.
struct UpdateReferralEventsAddNote: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ReferralEvent.schema).field("note_encrypted", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ReferralEvent.schema).deleteField("note_encrypted").update()
    }
}
