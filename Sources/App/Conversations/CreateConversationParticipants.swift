import Fluent

struct CreateConversationParticipants: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ConversationParticipant.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("conversation_id", .uuid, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("unread_since", .datetime)
            .field("last_read_at", .datetime)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "conversation_id"], references: Conversation.schema, ["tenant_id", "id"], onDelete: .cascade)
            .unique(on: "tenant_id", "conversation_id", "user_id")
            .create()
        // The menu's count on every page, and a person's inbox.
        try await db.createIndex("conversation_participants_user", on: ConversationParticipant.schema, "tenant_id", "user_id", "unread_since")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ConversationParticipant.schema).delete()
    }
}
