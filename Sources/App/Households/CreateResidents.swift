import Fluent

struct CreateResidents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Resident.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("birth_date", .string, .required)
            .field("bsn_encrypted", .string)
            .field("bsn_lookup", .string)
            .field("relation", .string, .required)
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tenant_id", "bsn_lookup")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Resident.schema).delete()
    }
}
