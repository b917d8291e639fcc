import Domain
import Fluent
import Foundation

/// The services and organisations a referral in one life domain can go to:
/// active services of providers that receive referrals in Samenspel, in
/// that domain, matching the typed words; available ones first.
enum ReferralCandidates {
    static func services(domain: LifeDomain, query: String?, excluding receiverID: UUID? = nil, tenantID: UUID, limit: Int = 25, on db: any Database) async throws -> [Service] {
        let termID = MapTaxonomy.term(for: domain).id
        let serviceIDs = try await ServiceTerm.scoped(to: tenantID, on: db).filter(\.$termID == termID).all().map(\.serviceID)
        guard !serviceIDs.isEmpty else { return [] }
        var builder = Service.scoped(to: tenantID, on: db).filter(\.$id ~~ serviceIDs)
            .filter(\.$acceptsReferrals == true).filter(\.$status == ServiceStatus.active.rawValue)
        let words = (query ?? "").lowercased().split(separator: " ").prefix(5)
        for word in words { builder = builder.filter(\.$searchText ~~ String(word)) }
        let linked = try await MapOrganization.scoped(to: tenantID, on: db).filter(\.$organizationID != nil).all()
        let receivers = Dictionary(linked.compactMap { provider in provider.id.map { ($0, provider.organizationID) } }, uniquingKeysWith: { a, _ in a })
        let order = ServiceCapacity.allCases.map(\.rawValue)
        return try await builder.sort(\.$name).limit(limit * 2).all()
            .filter { service in receivers[service.mapOrganizationID].flatMap { $0 }.map { $0 != receiverID } ?? false }
            .sorted { (order.firstIndex(of: $0.capacity) ?? 9, $0.name) < (order.firstIndex(of: $1.capacity) ?? 9, $1.name) }
            .prefix(limit).map { $0 }
    }
}
