import Domain
import Fluent
import Foundation

extension Referral {
    static let openAtReceiver = ReferralStatus.allCases.filter(\.isOpenAtReceiver).map(\.rawValue)

    /// Domains of this household's referrals that are open at `receiverID`:
    /// what the receiver may see before it joins the team.
    static func openDomains(householdID: UUID, receiverID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<LifeDomain> {
        try await scoped(to: tenantID, on: db)
            .filter(\.$householdID == householdID).filter(\.$receiverOrganizationID == receiverID)
            .filter(\.$status ~~ openAtReceiver).all()
            .reduce(into: Set<LifeDomain>()) { $0.formUnion($1.lifeDomains) }
    }
}
