import Fluent

struct CreateBreakTheGlassOpenings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(BreakTheGlassOpening.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("reason", .string, .required)
            .field("opened_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("reviewed_at", .datetime)
            .field("reviewed_by", .uuid)
            .field("review_comment", .string)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(BreakTheGlassOpening.schema).delete()
    }
}
