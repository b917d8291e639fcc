import Fluent

struct CreateAccessLogEntries: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AccessLogEntry.schema)
            .id()
            .field("chain", .string, .required)
            .field("sequence", .int, .required)
            .field("occurred_at", .datetime, .required)
            .field("event", .string, .required)
            .field("outcome", .string, .required)
            .field("tenant_id", .uuid)
            .field("user_id", .uuid)
            .field("user_name", .string)
            .field("on_behalf_of", .string)
            .field("organization_id", .uuid)
            .field("role", .string)
            .field("subject_id", .uuid)
            .field("purpose", .string)
            .field("basis", .string, .required)
            .field("object_type", .string)
            .field("object_id", .string)
            .field("source", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "chain", "sequence")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AccessLogEntry.schema).delete()
    }
}
