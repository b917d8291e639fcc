import Fluent

struct CreateLoginThrottles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(LoginThrottle.schema)
            .id()
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("locked_until", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(LoginThrottle.schema).delete()
    }
}
