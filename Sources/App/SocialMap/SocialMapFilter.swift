import Domain
import Fluent
import Foundation
import SQLKit

/// Which services of one tenant to consider: shared by the search page, the
/// public page and the HSDS API, so they never disagree about what matches.
struct SocialMapFilter: Sendable {
    /// Typed words: each must match in one of its Dutch forms ("schulden" as "schuld").
    var words: [String] = []
    /// Also the known words a compound is made of ("taalles": "taal" or "les"),
    /// for a second try when the words as typed find nothing.
    var splitsCompounds = false
    /// Every one of these terms (e.g. a life domain and a target group).
    var termIDs: [UUID] = []
    /// Any term of this taxonomy.
    var taxonomy: MapTaxonomy?
    var mapOrganizationID: UUID?
    var modifiedAfter: Date?
    /// Services working in this area, and those without areas (the whole tenant).
    var area: AreaCode?
    /// nil: every status (the HSDS API); the pages ask for active services only.
    var statuses: [ServiceStatus]? = [.active]

    /// Only services that accept referrals (the referral form).
    var acceptingReferrals = false
    /// Only participation offers (issue 24): of any kind (`.any`), or of one.
    var offers: OfferChoice?

    enum OfferChoice: Equatable, Sendable {
        case any, kind(OfferKind)

        /// "any", or a kind's code, as the search form sends it; nil for anything else.
        init?(code: String) {
            if code == "any" { self = .any } else if let kind = OfferKind(rawValue: code) { self = .kind(kind) } else { return nil }
        }
    }

    /// The matching services, by name.
    func services(tenantID: UUID, on db: any Database) async throws -> [Service] {
        try await Service.select(in: tenantID, where: condition(tenantID: tenantID), orderBy: "name, id", on: db)
    }

    /// The matching services as search needs them (`ServiceBrief`), best
    /// first (`ServiceRanking`, ranked by the database on the stored
    /// standing key); `limit` of them from `offset`, or all.
    func ranked(limit: Int? = nil, offset: Int = 0, tenantID: UUID, on db: any Database) async throws -> [ServiceBrief] {
        var query: SQLQueryString = """
            SELECT \(ServiceBrief.columns) FROM services WHERE tenant_id = \(bind: tenantID) AND (\(condition(tenantID: tenantID))) ORDER BY \(rankOrder)
            """
        if let limit { query = "\(query) LIMIT \(bind: max(0, limit)) OFFSET \(bind: max(0, offset))" }
        return try await db.sql.raw(query).all().map(ServiceBrief.init(row:))
    }

    /// How many services match.
    func count(tenantID: UUID, on db: any Database) async throws -> Int {
        try await db.sql.raw("SELECT COUNT(*) AS total FROM services WHERE tenant_id = \(bind: tenantID) AND (\(condition(tenantID: tenantID)))")
            .first()?.decode(column: "total", as: Int.self) ?? 0
    }

    /// One page of them (from 1) by name, and how many match in all.
    func page(_ number: Int, perPage: Int, tenantID: UUID, on db: any Database) async throws -> (services: [Service], total: Int) {
        let start = (max(1, number) - 1) * perPage
        let services = try await Service.select(in: tenantID, where: condition(tenantID: tenantID), orderBy: "name, id", limit: perPage, offset: start, on: db)
        return (services, try await count(tenantID: tenantID, on: db))
    }

    /// `ServiceRanking` in SQL: how well the name matches the words (all of
    /// them, some, none), then the standing key, then the id.
    var rankOrder: SQLQueryString {
        guard !words.isEmpty else { return "rank_key, id" }
        let inName = words.map { Self.containsAny("name_text", forms(of: $0)) }
        return "CASE WHEN \(inName.joined(separator: " AND ")) THEN 0 WHEN \(inName.joined(separator: " OR ")) THEN 1 ELSE 2 END, rank_key, id"
    }

    /// The filter as one SQL condition on `services` (the tenant is bound by
    /// the caller's query; the subqueries bind it themselves).
    func condition(tenantID: UUID) -> SQLQueryString {
        var parts = words.map { Self.containsAny("search_text", forms(of: $0)) }
        if let statuses { parts.append(statuses.isEmpty ? "1 = 0" : "status IN (\(binds: statuses.map(\.rawValue)))") }
        if let mapOrganizationID { parts.append("map_organization_id = \(bind: mapOrganizationID)") }
        if let modifiedAfter { parts.append("updated_at >= \(bind: modifiedAfter)") }
        if acceptingReferrals { parts.append("accepts_referrals = \(bind: true)") }
        switch offers {
        case .any?: parts.append("id IN (SELECT service_id FROM participation_offers WHERE tenant_id = \(bind: tenantID))")
        case .kind(let kind)?: parts.append("id IN (SELECT service_id FROM participation_offers WHERE tenant_id = \(bind: tenantID) AND kind = \(bind: kind.rawValue))")
        case nil: break
        }
        for termID in termIDs { parts.append(Self.withAnyOf([termID], tenantID: tenantID)) }
        if let taxonomy { parts.append(Self.withAnyOf(taxonomy.terms.map(\.id), tenantID: tenantID)) }
        if let area { parts.append(Self.serving(area, tenantID: tenantID)) }
        return parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND ")
    }

    private static func withAnyOf(_ termIDs: [UUID], tenantID: UUID) -> SQLQueryString {
        "id IN (SELECT service_id FROM service_terms WHERE tenant_id = \(bind: tenantID) AND term_id IN (\(binds: termIDs)))"
    }

    /// Services that work in `area`, and those without areas (the whole
    /// tenant): asked per service, by index, not by reading every area.
    private static func serving(_ area: AreaCode, tenantID: UUID) -> SQLQueryString {
        """
        (NOT EXISTS (SELECT 1 FROM service_areas a WHERE a.tenant_id = services.tenant_id AND a.service_id = services.id) \
        OR EXISTS (SELECT 1 FROM service_areas a WHERE a.tenant_id = services.tenant_id AND a.service_id = services.id \
        AND a.extent_type = \(bind: area.type) AND a.extent = \(bind: area.code)))
        """
    }

    /// What a typed word is looked for as.
    func forms(of word: String) -> [String] {
        let forms = DutchWordForms.forms(word)
        return splitsCompounds ? forms + DutchWordForms.parts(word).filter { !forms.contains($0) } : forms
    }

    /// Whether a second try with compounds split could find more.
    var canSplitCompounds: Bool { !splitsCompounds && words.contains { !DutchWordForms.parts($0).isEmpty } }

    /// `column` contains one of `forms`.
    private static func containsAny(_ column: String, _ forms: [String]) -> SQLQueryString {
        forms.count == 1 ? contains(column, forms[0]) : "(\(forms.map { contains(column, $0) }.joined(separator: " OR ")))"
    }

    /// `column` (lower-cased text) contains `word`.
    private static func contains(_ column: String, _ word: String) -> SQLQueryString {
        "\(unsafeRaw: column) LIKE \(bind: "%" + escapedForLike(word) + "%") ESCAPE '\\'"
    }

    /// A typed word is looked for as it is: `%` and `_` are not wildcards.
    static func escapedForLike(_ word: String) -> String {
        word.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_")
    }
}

extension Service {
    /// What free-text search looks in: name, description, provider, eligibility.
    static func searchText(name: String, description: String, organizationName: String, eligibility: String) -> String {
        [name, description, organizationName, eligibility].joined(separator: " ").lowercased()
    }
}
