import Domain
import Fluent
import Foundation

/// What someone looks for on the social map.
struct SocialMapQuery: Sendable {
    var text: String = ""
    var lifeDomain: LifeDomain?
    var targetGroup: TargetGroup?
    /// A postcode ("1234 AB" or "1234") or a CBS neighbourhood code.
    var area: AreaCode?
    var openNow: Bool = false
    var onlyAcceptingReferrals: Bool = false
    /// The moment "open now" means (tests pin it).
    var now: Date = Date()
    var limit: Int = 100
}

/// One service as search results, the referral form and its capacity check
/// show it: no Fluent model leaves this feature.
struct ServiceSummary: Sendable, Encodable {
    let id: UUID
    let name: String
    let description: String
    let organizationName: String
    let mapOrganizationID: UUID
    /// The Samenspel organisation behind the provider: it receives referrals.
    let organizationID: UUID?
    let informal: Bool
    let capacity: ServiceCapacity
    let expectedWaitWeeks: Int?
    let acceptsReferrals: Bool
    let responseDays: Int
    let lifeDomains: [LifeDomain]
    let targetGroups: [TargetGroup]
    let openNow: Bool

    init(_ record: ServiceRecord, now: Date) {
        id = record.id
        name = record.service.name
        description = record.service.description
        organizationName = record.organization.name
        mapOrganizationID = record.service.mapOrganizationID
        organizationID = record.organization.organizationID
        informal = record.organization.informal
        capacity = record.service.serviceCapacity
        expectedWaitWeeks = record.service.expectedWaitWeeks
        acceptsReferrals = record.service.acceptsReferrals
        responseDays = record.service.responseDays
        lifeDomains = record.lifeDomains
        targetGroups = record.targetGroups
        openNow = record.isOpen(at: now)
    }
}

/// The social map's search, for the search page, the public page and the
/// referral form (which calls `run` and `summary` with its own database).
enum SocialMapSearch {
    /// Active services of the tenant matching `query`, best first (see `ServiceRanking`).
    static func run(_ query: SocialMapQuery, tenantID: UUID, on db: any Database) async throws -> [ServiceSummary] {
        var filter = SocialMapFilter(words: ServiceRanking.words(query.text))
        filter.termIDs = [query.lifeDomain.map { MapTaxonomy.term(for: $0).id },
                          query.targetGroup.map { MapTaxonomy.term(for: $0).id }].compactMap { $0 }
        filter.area = query.area
        var services = try await filter.services(tenantID: tenantID, on: db)
        if query.onlyAcceptingReferrals { services = services.filter(\.acceptsReferrals) }
        var records = try await ServiceRecords.load(services, tenantID: tenantID, on: db)
        if query.openNow { records = records.filter { $0.isOpen(at: query.now) } }
        let ranked = records.map { (record: $0, candidate: candidate($0)) }
            .sorted { ServiceRanking.precedes($0.candidate, $1.candidate, words: filter.words) }
        return ranked.prefix(max(0, query.limit)).map { ServiceSummary($0.record, now: query.now) }
    }

    /// One service of the tenant, whatever its status, or nil.
    static func summary(serviceID: UUID, tenantID: UUID, on db: any Database, now: Date = Date()) async throws -> ServiceSummary? {
        guard let service = try await Service.scoped(to: tenantID, on: db).filter(\.$id == serviceID).first() else { return nil }
        return try await ServiceRecords.load([service], tenantID: tenantID, on: db).first.map { ServiceSummary($0, now: now) }
    }

    static func candidate(_ record: ServiceRecord) -> ServiceRanking.Candidate {
        ServiceRanking.Candidate(
            name: record.service.name, description: record.service.description, organizationName: record.organization.name,
            capacity: record.service.serviceCapacity, expectedWaitWeeks: record.service.expectedWaitWeeks,
            acceptsReferrals: record.service.acceptsReferrals
        )
    }
}
