import Domain
import Fluent
import Foundation
import SQLKit

/// Offers' places day by day (`ParticipationOfferPlaces`), keyed by tenant,
/// going with their offer. Each existing offer gets one row: its current
/// places from the day its service went on the map — the offer cannot be
/// older, and nothing recorded when it was added or how its places moved.
struct CreateParticipationOfferPlaces: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ParticipationOfferPlaces.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("offer_id", .uuid, .required)
            .field("day", .string, .required)
            .field("places", .int, .required)
            .field("places_free", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "offer_id"], references: ParticipationOffer.schema, ["tenant_id", "id"], onDelete: .cascade)
            .unique(on: "tenant_id", "offer_id", "day")
            .create()
        // What the monitor's refresh finds changed offers by.
        try await db.createIndex("participation_offer_places_changed", on: ParticipationOfferPlaces.schema, "tenant_id", "updated_at")
        let now = Date()
        for tenant in try await Tenant.query(on: db).all() {
            let rows = try await db.sql.raw("""
                SELECT o.id, o.places, o.places_free, s.created_at FROM participation_offers o
                JOIN services s ON s.tenant_id = o.tenant_id AND s.id = o.service_id WHERE o.tenant_id = \(bind: try tenant.requireID())
                """).all()
            let history = try rows.map { row in
                ParticipationOfferPlaces(tenantID: try tenant.requireID(), offerID: try row.decode(column: "id", as: UUID.self),
                                         day: CivilDay.of(try row.decode(column: "created_at", as: Date?.self) ?? now),
                                         places: try row.decode(column: "places", as: Int.self), placesFree: try row.decode(column: "places_free", as: Int.self), at: now)
            }
            try await SyntheticBatch.insert(history, on: db)
        }
    }

    func revert(on db: any Database) async throws {
        try await db.dropIndex("participation_offer_places_changed")
        try await db.schema(ParticipationOfferPlaces.schema).delete()
    }
}
