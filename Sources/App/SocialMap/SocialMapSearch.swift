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
    /// Only participation offers, of any kind or of one.
    var offers: SocialMapFilter.OfferChoice?
    /// The moment "open now" means (tests pin it).
    var now: Date = Date()
    var limit: Int = 100
    /// How many of the best matches to skip (a later page).
    var offset: Int = 0
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
}

/// The social map's search, for the search page, the public page and the
/// referral form (which calls `run` and `summary` with its own database).
enum SocialMapSearch {
    /// Active services of the tenant matching `query`, best first (see `ServiceRanking`).
    static func run(_ query: SocialMapQuery, tenantID: UUID, on db: any Database) async throws -> [ServiceSummary] {
        try await page(query, tenantID: tenantID, on: db).summaries
    }

    /// `query.limit` of those from `query.offset`, and how many match in all.
    /// The database ranks, counts and cuts the page; only "open now" reads
    /// every match (its ids and opening hours) to keep those open.
    /// A word as typed that finds nothing is tried once more as the parts of
    /// a compound ("taalles" finds the language café).
    static func page(_ query: SocialMapQuery, tenantID: UUID, on db: any Database) async throws -> (summaries: [ServiceSummary], total: Int) {
        var filter = SocialMapFilter(words: ServiceRanking.words(query.text))
        filter.termIDs = [query.lifeDomain.map { MapTaxonomy.term(for: $0).id },
                          query.targetGroup.map { MapTaxonomy.term(for: $0).id }].compactMap { $0 }
        filter.area = query.area
        filter.acceptingReferrals = query.onlyAcceptingReferrals
        filter.offers = query.offers
        let found = try await page(query, filter, tenantID: tenantID, on: db)
        guard found.total == 0, filter.canSplitCompounds else { return found }
        filter.splitsCompounds = true
        return try await page(query, filter, tenantID: tenantID, on: db)
    }

    private static func page(_ query: SocialMapQuery, _ filter: SocialMapFilter, tenantID: UUID, on db: any Database) async throws -> (summaries: [ServiceSummary], total: Int) {
        guard query.openNow else {
            let shown = try await filter.ranked(limit: query.limit, offset: query.offset, tenantID: tenantID, on: db)
            let whole = shown.count < query.limit && (!shown.isEmpty || query.offset == 0)
            let total = whole ? query.offset + shown.count : try await filter.count(tenantID: tenantID, on: db)
            return (try await ServiceSummaries.load(shown, tenantID: tenantID, now: query.now, on: db), total)
        }
        let matches = try await filter.ranked(tenantID: tenantID, on: db)
        let openings = try await ServiceSummaries.openings(of: matches.map(\.id), tenantID: tenantID, on: db)
        let open = matches.filter { ServiceRecord.isOpen(openings[$0.id] ?? [], at: query.now) }
        let shown = Array(open.dropFirst(max(0, query.offset)).prefix(max(0, query.limit)))
        return (try await ServiceSummaries.load(shown, openings: openings, tenantID: tenantID, now: query.now, on: db), open.count)
    }

    /// One service of the tenant, whatever its status, or nil.
    static func summary(serviceID: UUID, tenantID: UUID, on db: any Database, now: Date = Date()) async throws -> ServiceSummary? {
        guard let service = try await Service.scoped(to: tenantID, on: db).filter(\.$id == serviceID).first() else { return nil }
        return try await ServiceSummaries.load([ServiceBrief(service)], tenantID: tenantID, now: now, on: db).first
    }
}
