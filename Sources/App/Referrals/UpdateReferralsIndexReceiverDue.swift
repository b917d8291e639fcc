import Fluent

/// A receiving organisation's queue shows its 50 unanswered referrals that
/// are due first (`receiver_organization_id = ? AND status = 'requested'
/// ORDER BY due_on LIMIT 50`). Without `due_on` in the index the database
/// read and sorted every waiting referral first: 45 for the demo's debt help
/// at 10,000 residents, 4,205 at 1,000,000, and the worklist cost twice as
/// much. With it the database reads the 50 in order. The old index is a
/// prefix of the new one.
struct UpdateReferralsIndexReceiverDue: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.createIndex("referrals_receiver_due", on: Referral.schema, "tenant_id", "receiver_organization_id", "status", "due_on")
        try await db.dropIndex("referrals_receiver")
    }

    func revert(on db: any Database) async throws {
        try await db.createIndex("referrals_receiver", on: Referral.schema, "tenant_id", "receiver_organization_id", "status")
        try await db.dropIndex("referrals_receiver_due")
    }
}
