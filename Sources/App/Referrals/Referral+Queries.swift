import Domain
import Fluent
import SQLKit
import Foundation

extension Referral {
    /// Referrals sent to the organisation that it has not yet accepted or declined.
    static func awaitingAnswer(by organizationID: UUID, tenantID: UUID, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS waiting FROM referrals
            WHERE tenant_id = \(bind: tenantID) AND receiver_organization_id = \(bind: organizationID) AND status = \(bind: ReferralStatus.requested.rawValue)
            """).first()
        return try row?.decode(column: "waiting", as: Int.self) ?? 0
    }

    /// The oldest `limit` referrals sent to the organisation that it has yet to answer.
    static func awaitingAnswer(by organizationID: UUID, tenantID: UUID, limit: Int, on db: any Database) async throws -> [Referral] {
        try await Referral.scoped(to: tenantID, on: db).filter(\.$receiverOrganizationID == organizationID)
            .filter(\.$status == ReferralStatus.requested.rawValue).sort(\.$dueOn).limit(limit).all()
    }

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
