import Fluent

struct CreateMessages: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Message.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("conversation_id", .uuid, .required)
            .field("household_id", .uuid, .required)
            .field("author_id", .uuid, .required, .references(User.schema, .id))
            .field("organization_id", .uuid)
            .field("text_encrypted", .string, .required)
            .field("created_at", .datetime, .required)
            .field("edited_at", .datetime)
            .field("version", .int, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "conversation_id"], references: Conversation.schema, ["tenant_id", "id"], onDelete: .cascade)
            .create()
        try await db.createIndex("messages_conversation", on: Message.schema, "tenant_id", "conversation_id", "created_at")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Message.schema).delete()
    }
}
