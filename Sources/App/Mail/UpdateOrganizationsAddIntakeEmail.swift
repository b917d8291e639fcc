import Fluent

/// The address where an organisation hears of referrals sent to it: the
/// shared intake mailbox most teams have, not one person's.
struct UpdateOrganizationsAddIntakeEmail: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Organization.schema).field("intake_email", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Organization.schema).deleteField("intake_email").update()
    }
}
