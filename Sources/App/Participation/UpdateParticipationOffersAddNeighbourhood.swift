import Fluent
import Foundation
import SQLKit

/// The neighbourhood an offer lies in, for the monitor's offers and free
/// places per neighbourhood: found from its postcode when it is saved and
/// kept on the row, so a rebuild places it where the refresh did. Existing
/// offers are placed now.
struct UpdateParticipationOffersAddNeighbourhood: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ParticipationOffer.schema).field("neighbourhood_code", .string).update()
        for tenant in try await Tenant.query(on: db).all() {
            let tenantID = try tenant.requireID()
            for offer in try await ParticipationOffer.select(in: tenantID, on: db) {
                guard let code = try await ResidentAccess.neighbourhood(ofOfferAt: offer.postcode, postcode4: offer.postcode4, tenantID: tenantID, on: db) else { continue }
                try await db.sql.update(ParticipationOffer.schema).set("neighbourhood_code", to: code)
                    .where("tenant_id", .equal, tenantID).where("id", .equal, try offer.requireID()).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ParticipationOffer.schema).deleteField("neighbourhood_code").update()
    }
}
