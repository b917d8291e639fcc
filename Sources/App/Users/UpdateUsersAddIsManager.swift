import Fluent
import SQLKit

/// A professional the tenant admin marks as manager of their organisation:
/// they read that organisation's monitor and speak for it in its agreements.
struct UpdateUsersAddIsManager: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("is_manager", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("is_manager").update()
    }
}
