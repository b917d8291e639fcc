import Fluent

/// The referral queues show the 20 most recently closed referrals an
/// organisation received or sent. With the organisation and the time of the
/// last change in the index, each is a walk that stops after 20, not a read
/// of every closed referral (found by `QueryPlanTests`).
struct UpdateReferralsIndexClosedByOrganization: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.createIndex("referrals_receiver_updated", on: Referral.schema, "tenant_id", "receiver_organization_id", "updated_at")
        try await db.createIndex("referrals_requester_updated", on: Referral.schema, "tenant_id", "requester_organization_id", "updated_at")
    }

    func revert(on db: any Database) async throws {
        try await db.dropIndex("referrals_receiver_updated")
        try await db.dropIndex("referrals_requester_updated")
    }
}
