import Fluent

/// Participation profiles and their earlier versions (issue 24). Keyed by
/// tenant; no reference to the household (anonymised, never deleted: its
/// erasure deletes these) nor to the resident, for the same reason.
struct CreateParticipationProfiles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ParticipationProfile.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("household_id", .uuid, .required)
            .field("resident_id", .uuid, .required)
            .field("talents", .string, .required)
            .field("availability", .int, .required)
            .field("travel_mode", .string, .required)
            .field("max_kilometres", .int, .required)
            .field("needs", .string, .required)
            .field("not_wanted", .string, .required)
            .field("texts_encrypted", .string, .required)
            .field("written_by", .uuid, .required)
            .field("written_by_resident", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", "resident_id")
            .create()
        try await db.createIndex("participation_profiles_household", on: ParticipationProfile.schema, "tenant_id", "household_id")
        try await db.schema(ParticipationProfileRevision.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("household_id", .uuid, .required)
            .field("profile_id", .uuid, .required)
            .field("version", .int, .required)
            .field("snapshot_encrypted", .string, .required)
            .field("written_by_resident", .bool, .required)
            .field("written_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "profile_id"], references: ParticipationProfile.schema, ["tenant_id", "id"], onDelete: .cascade)
            .unique(on: "tenant_id", "profile_id", "version")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ParticipationProfileRevision.schema).delete()
        try await db.schema(ParticipationProfile.schema).delete()
    }
}
