import Fluent

/// Notes beside the figures: the story behind an indicator's curve, and the
/// thread of an agreement per period. Append-only: an edit is a new
/// revision, and one revision has at most one successor (the unique key),
/// so two edits made from the same wording cannot both land.
struct CreateMonitorNotes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MonitorNote.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("topic", .string, .required)
            .field("indicator", .string)
            .field("agreement_id", .uuid)
            .field("organization_id", .uuid, .references(Organization.schema, .id, onDelete: .restrict))
            .field("period", .string, .required)
            .field("side", .string, .required)
            .field("text", .string, .required)
            .field("author_id", .uuid, .required)
            .field("author_name", .string, .required)
            .field("replaces_id", .uuid)
            .field("created_at", .datetime)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "agreement_id"], references: ImpactAgreement.schema, ["tenant_id", "id"],
                        onDelete: .cascade, name: "monitor_notes_agreement")
            .unique(on: "tenant_id", "replaces_id", name: "monitor_notes_one_successor")
            .create()
        try await db.createIndex("monitor_notes_topic", on: MonitorNote.schema, "tenant_id", "topic", "period")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MonitorNote.schema).delete()
    }
}
