import Fluent

/// How to reach a resident: phone and e-mail, sealed like the BSN (they
/// identify a person), and whether the resident wants the volunteers who
/// do a step with them to see them.
struct UpdateResidentsAddContact: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds them one at a time.
        try await db.schema(Resident.schema).field("phone_encrypted", .string).update()
        try await db.schema(Resident.schema).field("email_encrypted", .string).update()
        try await db.schema(Resident.schema).field("contact_for_volunteers", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Resident.schema).deleteField("contact_for_volunteers").update()
        try await db.schema(Resident.schema).deleteField("email_encrypted").update()
        try await db.schema(Resident.schema).deleteField("phone_encrypted").update()
    }
}
