import Fluent

struct CreateRecoveryCodes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "code_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(RecoveryCode.schema).delete()
    }
}
