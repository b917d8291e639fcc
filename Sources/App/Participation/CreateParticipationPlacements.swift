import Fluent

/// Placements and their check-ins (issue 24), keyed by tenant. No reference
/// to the household, its goal or action (anonymised, never deleted: its
/// erasure deletes these); a placement rests on the proposal it came from.
struct CreateParticipationPlacements: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ParticipationPlacement.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("proposal_id", .uuid, .required)
            .field("offer_id", .uuid, .required)
            .field("household_id", .uuid, .required)
            .field("resident_id", .uuid, .required)
            .field("host_organization_id", .uuid, .required)
            .field("goal_id", .uuid, .required)
            .field("action_id", .uuid, .required)
            .field("rung_before", .int)
            .field("offer_rung", .int, .required)
            .field("started_on", .string, .required)
            .field("check_in_weeks", .int, .required)
            .field("ended_on", .string)
            .field("end_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "proposal_id"], references: ParticipationProposal.schema, ["tenant_id", "id"], onDelete: .cascade)
            .unique(on: "tenant_id", "proposal_id")
            .create()
        try await db.createIndex("participation_placements_household", on: ParticipationPlacement.schema, "tenant_id", "household_id")
        try await db.createIndex("participation_placements_offer", on: ParticipationPlacement.schema, "tenant_id", "offer_id")
        try await db.schema(ParticipationCheckIn.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("placement_id", .uuid, .required)
            .field("household_id", .uuid, .required)
            .field("number", .int, .required)
            .field("due_on", .string, .required)
            .field("resident_answer", .string)
            .field("resident_words_encrypted", .string)
            .field("resident_answered_at", .datetime)
            .field("host_answer", .string)
            .field("host_words_encrypted", .string)
            .field("host_answered_at", .datetime)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "placement_id"], references: ParticipationPlacement.schema, ["tenant_id", "id"], onDelete: .cascade)
            .unique(on: "tenant_id", "placement_id", "number")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ParticipationCheckIn.schema).delete()
        try await db.schema(ParticipationPlacement.schema).delete()
    }
}
