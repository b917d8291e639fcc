import Fluent

struct CreateServices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Service.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("map_organization_id", .uuid, .required, .references(MapOrganization.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("url", .string)
            .field("email", .string)
            .field("status", .string, .required)
            .field("eligibility_description", .string, .required)
            .field("fees_description", .string, .required)
            .field("languages", .string, .required)
            .field("capacity", .string, .required)
            .field("expected_wait_weeks", .int)
            .field("accepts_referrals", .bool, .required)
            .field("response_days", .int, .required)
            .field("search_text", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.createIndex("services_tenant_organization", on: Service.schema, "tenant_id", "map_organization_id")

        try await db.schema(ServiceTerm.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("term_id", .uuid, .required)
            .unique(on: "service_id", "term_id")
            .create()
        try await db.createIndex("service_terms_tenant_term", on: ServiceTerm.schema, "tenant_id", "term_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ServiceTerm.schema).delete()
        try await db.schema(Service.schema).delete()
    }
}
