import Domain
import Fluent
import SQLKit
import Foundation

extension Referral {
    static let openAtReceiver = ReferralStatus.allCases.filter(\.isOpenAtReceiver).map(\.rawValue)

    /// Domains of this household's referrals that are open at `receiverID`:
    /// what the receiver may see before it joins the team.
    static func openDomains(householdID: UUID, receiverID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<LifeDomain> {
        try await openDomains(householdIDs: [householdID], receiverID: receiverID, tenantID: tenantID, on: db)[householdID] ?? []
    }

    /// The same, per household, for many households at once (plain SQL:
    /// part of every access decision, see `ResidentAccess.contexts(for:)`).
    static func openDomains(householdIDs: [UUID], receiverID: UUID, tenantID: UUID, on db: any Database) async throws -> [UUID: Set<LifeDomain>] {
        guard !householdIDs.isEmpty else { return [:] }
        let rows = try await db.sql.raw("""
            SELECT household_id, domains FROM referrals
            WHERE tenant_id = \(bind: tenantID) AND receiver_organization_id = \(bind: receiverID)
              AND household_id IN (\(binds: householdIDs)) AND status IN (\(binds: openAtReceiver))
            """).all()
        return try LifeDomain.byHousehold(rows)
    }
}
