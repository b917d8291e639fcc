import Fluent

/// Participation offers, one per service, and the postcode areas' centres
/// for distances (issue 24). Keyed by tenant from the start.
struct CreateParticipationOffers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ParticipationOffer.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("service_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("talents", .string, .required)
            .field("rung", .int, .required)
            .field("times", .int, .required)
            .field("postcode", .string, .required)
            .field("postcode4", .string, .required)
            .field("support", .string, .required)
            .field("places", .int, .required)
            .field("places_free", .int, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "service_id"], references: Service.schema, ["tenant_id", "id"], onDelete: .cascade)
            .unique(on: "tenant_id", "service_id")
            .create()
        try await db.schema(PostcodeArea.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("postcode4", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", "postcode4")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PostcodeArea.schema).delete()
        try await db.schema(ParticipationOffer.schema).delete()
    }
}
