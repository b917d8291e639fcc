import Fluent

/// A professional's work phone and e-mail, which they set themselves: the
/// resident and the team see how to reach the household's coordinator.
struct UpdateUsersAddWorkContact: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds them one at a time.
        try await db.schema(User.schema).field("work_phone", .string).update()
        try await db.schema(User.schema).field("work_email", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("work_email").update()
        try await db.schema(User.schema).deleteField("work_phone").update()
    }
}
