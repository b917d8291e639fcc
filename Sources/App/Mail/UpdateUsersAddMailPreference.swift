import Fluent

/// How each person wants mail (`MailPreference`), and when their daily
/// digest last looked for news.
struct UpdateUsersAddMailPreference: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("mail_preference", .string).update()
        try await db.schema(User.schema).field("mail_digest_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("mail_digest_at").update()
        try await db.schema(User.schema).deleteField("mail_preference").update()
    }
}
