import Domain
import Fluent
import Foundation

/// The services a referral in one life domain can go to: the social map's
/// own search (one ranking rule), narrowed to active services that accept
/// referrals and whose provider receives them in Samenspel.
enum ReferralCandidates {
    static func services(domain: LifeDomain, query: String?, excluding receiverID: UUID? = nil, tenantID: UUID, limit: Int = 25, on db: any Database) async throws -> [ServiceSummary] {
        let search = SocialMapQuery(text: String((query ?? "").prefix(100)), lifeDomain: domain, onlyAcceptingReferrals: true, limit: limit * 2)
        return try await SocialMapSearch.run(search, tenantID: tenantID, on: db)
            .filter { summary in summary.organizationID.map { $0 != receiverID } ?? false }
            .prefix(limit).map { $0 }
    }
}
