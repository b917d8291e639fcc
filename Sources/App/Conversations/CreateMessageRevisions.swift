import Fluent

struct CreateMessageRevisions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MessageRevision.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("message_id", .uuid, .required)
            .field("text_encrypted", .string, .required)
            .field("written_at", .datetime, .required)
            .field("replaced_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "message_id"], references: Message.schema, ["tenant_id", "id"], onDelete: .cascade)
            .create()
        try await db.createIndex("message_revisions_message", on: MessageRevision.schema, "tenant_id", "message_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MessageRevision.schema).delete()
    }
}
