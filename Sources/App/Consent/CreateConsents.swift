import Fluent

struct CreateConsents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Consent.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("resident_id", .uuid, .required, .references(Resident.schema, .id, onDelete: .cascade))
            .field("recipient_organization_id", .uuid, .required, .references(Organization.schema, .id, onDelete: .restrict))
            .field("domains", .string, .required)
            .field("purpose", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("method", .string, .required)
            .field("status", .string, .required)
            .field("recorded_by", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("withdrawn_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Consent.schema).delete()
    }
}
