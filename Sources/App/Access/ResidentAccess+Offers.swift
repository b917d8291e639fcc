import Fluent
import Foundation
import SQLKit

extension ResidentAccess {
    /// The neighbourhood an offer lies in, as the tenant's households have it:
    /// that of the households at its postcode (as a signal's case is placed),
    /// else the one most households of its four-digit area live in — an offer
    /// is often where nobody lives (a community centre, a workshop). Only
    /// codes and counts are read.
    static func neighbourhood(ofOfferAt postcode: String, postcode4: String, tenantID: UUID, on db: any Database) async throws -> String? {
        if postcode.count == 6, let exact = try await neighbourhood(ofPostcode: postcode, tenantID: tenantID, on: db) { return exact }
        return try await db.sql.raw("""
            SELECT neighbourhood_code, COUNT(*) AS n FROM households
            WHERE tenant_id = \(bind: tenantID) AND postcode >= \(bind: postcode4) AND postcode <= \(bind: postcode4 + "ZZZZ")
            AND neighbourhood_code IS NOT NULL AND neighbourhood_code <> '' GROUP BY neighbourhood_code ORDER BY n DESC, neighbourhood_code LIMIT 1
            """).first()?.decode(column: "neighbourhood_code", as: String.self)
    }
}
