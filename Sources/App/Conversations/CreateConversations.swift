import Fluent

struct CreateConversations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Conversation.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            // No reference: a household is anonymised, never deleted; erasure deletes its conversations.
            .field("household_id", .uuid, .required)
            .field("domain", .string, .required)
            .field("subject_encrypted", .string, .required)
            .field("with_resident", .bool, .required)
            .field("started_by", .uuid, .required, .references(User.schema, .id))
            .field("organization_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("last_message_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        try await db.createIndex("conversations_household", on: Conversation.schema, "tenant_id", "household_id", "last_message_at")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Conversation.schema).delete()
    }
}
