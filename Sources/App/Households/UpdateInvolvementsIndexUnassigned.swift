import Fluent

/// The worklist asks for an organisation's involvements without a contact;
/// with the contact in the index that is a range, not a walk through every
/// involvement of the organisation (which grows with the municipality). The
/// old (tenant, organisation) index is a prefix of the new one, so it goes.
struct UpdateInvolvementsIndexUnassigned: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.createIndex("involvements_organization_contact", on: Involvement.schema, "tenant_id", "organization_id", "contact_user_id")
        try await db.dropIndex("involvements_organization")
    }

    func revert(on db: any Database) async throws {
        try await db.createIndex("involvements_organization", on: Involvement.schema, "tenant_id", "organization_id")
        try await db.dropIndex("involvements_organization_contact")
    }
}
