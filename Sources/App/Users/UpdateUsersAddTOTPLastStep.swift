import Fluent

/// The last TOTP time step accepted for each user, so a code is used once.
struct UpdateUsersAddTOTPLastStep: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("totp_last_step", .int64).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("totp_last_step").update()
    }
}
