import Fluent

/// A professional whom the tenant admin marks as manager of their
/// organisation reads that organisation's monitor (DESIGN.md §2).
struct UpdateUsersAddIsManager: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("is_manager", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("is_manager").update()
    }
}
