import Fluent

struct CreateDocuments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Document.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            // No reference: a household is anonymised, never deleted; erasure deletes its documents.
            .field("household_id", .uuid, .required)
            .field("domain", .string, .required)
            .field("name_encrypted", .string, .required)
            .field("content_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("sha256", .string, .required)
            .field("shared_with_resident", .bool, .required)
            .field("goal_id", .uuid)
            .field("conversation_id", .uuid)
            .field("uploaded_by", .uuid, .required, .references(User.schema, .id))
            .field("organization_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .field("deleted_by", .uuid, .references(User.schema, .id))
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        try await db.createIndex("documents_household", on: Document.schema, "tenant_id", "household_id", "created_at")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Document.schema).delete()
    }
}
