import Fluent

struct CreateErasureRequests: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ErasureRequest.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            // No reference: the request and its receipt outlive what they erased.
            .field("household_id", .uuid, .required)
            .field("received_on", .string, .required)
            .field("registered_by", .uuid, .required, .references(User.schema, .id))
            .field("decided_at", .datetime, .required)
            .field("outcome", .string, .required)
            .field("refusal", .string)
            .field("refused_until", .string)
            .field("receipt", .string)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        try await db.createIndex("erasure_requests_decided", on: ErasureRequest.schema, "tenant_id", "decided_at")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ErasureRequest.schema).delete()
    }
}
