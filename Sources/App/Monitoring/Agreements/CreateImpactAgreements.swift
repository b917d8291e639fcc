import Fluent

struct CreateImpactAgreements: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ImpactAgreement.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("organization_id", .uuid, .required, .references(Organization.schema, .id, onDelete: .restrict))
            .field("title", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        try await db.createIndex("impact_agreements_partner", on: ImpactAgreement.schema, "tenant_id", "organization_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ImpactAgreement.schema).delete()
    }
}
