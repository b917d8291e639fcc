import Fluent
import Foundation
import SQLKit

/// The rows that say which offers and profiles name a talent
/// (`CreateParticipationTalentIndexes`), kept by whatever saves an offer or
/// a profile, in its transaction.
enum TalentIndex: CaseIterable {
    case offers, profiles

    var table: String { self == .offers ? "participation_offer_talents" : "participation_profile_talents" }
    var owner: String { self == .offers ? "offer_id" : "profile_id" }
    var parent: String { self == .offers ? ParticipationOffer.schema : ParticipationProfile.schema }

    /// The talents of one offer or profile, as now saved.
    func replace(_ id: UUID, talents: [String], tenantID: UUID, on db: any Database) async throws {
        try await db.sql.delete(from: table).where("tenant_id", .equal, tenantID).where(SQLIdentifier(owner), .equal, id).run()
        try await fill([(id, talents)], tenantID: tenantID, on: db)
    }

    /// The rows of new offers or profiles, many at a time (a thousand a statement, under both databases' bind limits).
    func fill(_ owners: [(UUID, [String])], tenantID: UUID, on db: any Database) async throws {
        let rows = owners.flatMap { id, talents in Set(talents).sorted().map { (id, $0) } }
        for start in stride(from: 0, to: rows.count, by: 1000) {
            let insert = db.sql.insert(into: table).columns("tenant_id", "talent", owner)
            for (id, talent) in rows[start..<min(start + 1000, rows.count)] { insert.values([SQLBind(tenantID), SQLBind(talent), SQLBind(id)] as [any SQLExpression]) }
            try await insert.run()
        }
    }
}
