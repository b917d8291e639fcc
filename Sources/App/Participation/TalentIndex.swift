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
        guard !talents.isEmpty else { return }
        let insert = db.sql.insert(into: table).columns("tenant_id", "talent", owner)
        for talent in Set(talents).sorted() { insert.values([SQLBind(tenantID), SQLBind(talent), SQLBind(id)] as [any SQLExpression]) }
        try await insert.run()
    }
}
