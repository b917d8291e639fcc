import Fluent

/// Residents' consents to be put forward for an offer (issue 24), keyed by tenant.
struct CreateParticipationProposals: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ParticipationProposal.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("offer_id", .uuid, .required)
            // No reference: a household is anonymised, never deleted; erasure deletes its proposals.
            .field("household_id", .uuid, .required)
            .field("resident_id", .uuid, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("decided_at", .datetime)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "offer_id"], references: ParticipationOffer.schema, ["tenant_id", "id"], onDelete: .cascade)
            .unique(on: "tenant_id", "offer_id", "resident_id")
            .create()
        try await db.createIndex("participation_proposals_household", on: ParticipationProposal.schema, "tenant_id", "household_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ParticipationProposal.schema).delete()
    }
}
