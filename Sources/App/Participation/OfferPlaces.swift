import Domain
import Fluent
import Foundation
import SQLKit

/// An offer's places and free places at the end of one day (issue 24's
/// indicators). The offer row holds only the present; the monitor counts
/// free places over the past, and a rebuild must find the same past, so it
/// is recorded here as it happens.
final class ParticipationOfferPlaces: Model, TenantOwned, @unchecked Sendable {
    static let schema = "participation_offer_places"
    static let tenantKey: KeyPath<ParticipationOfferPlaces, FieldProperty<ParticipationOfferPlaces, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "offer_id") var offerID: UUID
    /// ISO civil day.
    @Field(key: "day") var day: String
    @Field(key: "places") var places: Int
    @Field(key: "places_free") var placesFree: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $offerID, $day, $places, $placesFree, $createdAt, $updatedAt] }

    init() {}

    init(tenantID: UUID, offerID: UUID, day: CivilDay, places: Int, placesFree: Int, at moment: Date) {
        (self.id, self.tenantID, self.offerID, self.day) = (UUID(), tenantID, offerID, day.iso)
        (self.places, self.placesFree, self.createdAt, self.updatedAt) = (places, placesFree, moment, moment)
    }
}

enum OfferPlaces {
    /// Records the offer's places as they now stand as today's: the one
    /// writer, called in the transaction of every change to them (the
    /// offer saved, a placement started or ended). It copies the row as
    /// that transaction sees it, so what it records is what was saved; a
    /// later change the same day overwrites the day's row.
    static func record(_ offerID: UUID, tenantID: UUID, now: Date = Date(), on db: any Database) async throws {
        try await db.sql.raw("""
            INSERT INTO participation_offer_places (tenant_id, id, offer_id, day, places, places_free, created_at, updated_at)
            SELECT tenant_id, \(bind: UUID()), id, \(bind: CivilDay.of(now).iso), places, places_free, \(bind: now), \(bind: now)
            FROM participation_offers WHERE tenant_id = \(bind: tenantID) AND id = \(bind: offerID)
            ON CONFLICT (tenant_id, offer_id, day) DO UPDATE SET places = excluded.places, places_free = excluded.places_free, updated_at = excluded.updated_at
            """).run()
    }
}
