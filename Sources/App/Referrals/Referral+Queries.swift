import Domain
import Fluent
import Foundation

extension Referral {
    static let openAtReceiver = ReferralStatus.allCases.filter(\.isOpenAtReceiver).map(\.rawValue)

    /// Domains of this household's referrals that are open at `receiverID`:
    /// what the receiver may see before it joins the team.
    static func openDomains(householdID: UUID, receiverID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<LifeDomain> {
        try await openDomains(householdIDs: [householdID], receiverID: receiverID, tenantID: tenantID, on: db)[householdID] ?? []
    }

    /// The same, per household, for many households at once.
    static func openDomains(householdIDs: [UUID], receiverID: UUID, tenantID: UUID, on db: any Database) async throws -> [UUID: Set<LifeDomain>] {
        let open = try await scoped(to: tenantID, on: db)
            .filter(\.$householdID ~~ householdIDs).filter(\.$receiverOrganizationID == receiverID)
            .filter(\.$status ~~ openAtReceiver).all()
        return Dictionary(grouping: open, by: \.householdID)
            .mapValues { $0.reduce(into: Set<LifeDomain>()) { $0.formUnion($1.lifeDomains) } }
    }
}
