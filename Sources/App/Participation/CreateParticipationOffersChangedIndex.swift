import Fluent

/// The offers' stamp (`OfferTermsCache`): how many a tenant has and when the
/// latest changed, read on every resident's matches — from this index, not
/// from the table.
struct CreateParticipationOffersChangedIndex: AsyncMigration {
    static let name = "participation_offers_changed"

    func prepare(on db: any Database) async throws {
        try await db.createIndex(Self.name, on: ParticipationOffer.schema, "tenant_id", "updated_at")
    }

    func revert(on db: any Database) async throws {
        try await db.dropIndex(Self.name)
    }
}
