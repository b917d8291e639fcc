import Fluent

/// A partner's access to a household rests, among others, on the open
/// referrals it received for that household (`receiver_organization_id = ?
/// AND household_id IN (…)`). With only the household in the index the
/// database read every referral of the caseload's households, sent to anyone
/// and in any status: that grows with a household's history. The receiver in
/// the index reads only their own. The old index is a prefix of the new one.
struct UpdateReferralsIndexHouseholdReceiver: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.createIndex("referrals_household_receiver", on: Referral.schema, "tenant_id", "household_id", "receiver_organization_id")
        try await db.dropIndex("referrals_household")
    }

    func revert(on db: any Database) async throws {
        try await db.createIndex("referrals_household", on: Referral.schema, "tenant_id", "household_id")
        try await db.dropIndex("referrals_household_receiver")
    }
}
