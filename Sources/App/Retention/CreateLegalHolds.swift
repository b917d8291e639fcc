import Fluent

struct CreateLegalHolds: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(LegalHold.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            // No reference: a household is anonymised, never deleted, and the hold stays on record.
            .field("household_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("placed_by", .uuid, .required, .references(User.schema, .id))
            .field("placed_at", .datetime, .required)
            .field("lifted_by", .uuid, .references(User.schema, .id))
            .field("lifted_at", .datetime)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        try await db.createIndex("legal_holds_household", on: LegalHold.schema, "tenant_id", "household_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(LegalHold.schema).delete()
    }
}
