import Domain
import Fluent
import Foundation
import SQLKit

/// Which services of one tenant to consider: shared by the search page, the
/// public page and the HSDS API, so they never disagree about what matches.
struct SocialMapFilter: Sendable {
    var words: [String] = []
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

    /// The matching services, by name.
    func services(tenantID: UUID, on db: any Database) async throws -> [Service] {
        let services = try await Service.select(in: tenantID, where: condition(tenantID: tenantID), orderBy: "name, id", on: db)
        guard let area else { return services }
        return try await Self.serving(area, services, tenantID: tenantID, on: db)
    }

    /// The matching services as search needs them (`ServiceBrief`), by name.
    func briefs(tenantID: UUID, on db: any Database) async throws -> [ServiceBrief] {
        let briefs = try await db.sql.raw("""
            SELECT \(ServiceBrief.columns) FROM services WHERE tenant_id = \(bind: tenantID) AND (\(condition(tenantID: tenantID))) ORDER BY name, id
            """).all().map(ServiceBrief.init(row:))
        guard let area else { return briefs }
        let serving = try await Self.serving(area, briefs.map(\.id), tenantID: tenantID, on: db)
        return briefs.filter { serving.contains($0.id) }
    }

    /// One page of them (from 1) and how many match in all: counted and cut
    /// in SQL, unless an area is asked for (that check is made in Swift).
    func page(_ number: Int, perPage: Int, tenantID: UUID, on db: any Database) async throws -> (services: [Service], total: Int) {
        let start = (max(1, number) - 1) * perPage
        guard area == nil else {
            let all = try await services(tenantID: tenantID, on: db)
            return (Array(all.dropFirst(start).prefix(perPage)), all.count)
        }
        let condition = condition(tenantID: tenantID)
        let total = try await db.sql.raw("SELECT COUNT(*) AS total FROM services WHERE tenant_id = \(bind: tenantID) AND (\(condition))")
            .first()?.decode(column: "total", as: Int.self) ?? 0
        return (try await Service.select(in: tenantID, where: condition, orderBy: "name, id", limit: perPage, offset: start, on: db), total)
    }

    /// The filter as one SQL condition on `services` (the tenant is bound by
    /// the caller's query; the term subqueries bind it themselves).
    func condition(tenantID: UUID) -> SQLQueryString {
        var parts: [SQLQueryString] = words.map { "search_text LIKE \(bind: "%" + Self.escapedForLike($0) + "%") ESCAPE '\\'" }
        if let statuses { parts.append(statuses.isEmpty ? "1 = 0" : "status IN (\(binds: statuses.map(\.rawValue)))") }
        if let mapOrganizationID { parts.append("map_organization_id = \(bind: mapOrganizationID)") }
        if let modifiedAfter { parts.append("updated_at >= \(bind: modifiedAfter)") }
        for termID in termIDs { parts.append(Self.withAnyOf([termID], tenantID: tenantID)) }
        if let taxonomy { parts.append(Self.withAnyOf(taxonomy.terms.map(\.id), tenantID: tenantID)) }
        return parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND ")
    }

    private static func withAnyOf(_ termIDs: [UUID], tenantID: UUID) -> SQLQueryString {
        "id IN (SELECT service_id FROM service_terms WHERE tenant_id = \(bind: tenantID) AND term_id IN (\(binds: termIDs)))"
    }

    /// A typed word is looked for as it is: `%` and `_` are not wildcards.
    static func escapedForLike(_ word: String) -> String {
        word.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_")
    }

    /// Keeps the services that work in `area` or have no areas at all.
    static func serving(_ area: AreaCode, _ services: [Service], tenantID: UUID, on db: any Database) async throws -> [Service] {
        let serving = try await serving(area, services.compactMap(\.id), tenantID: tenantID, on: db)
        return services.filter { $0.id.map(serving.contains) ?? false }
    }

    static func serving(_ area: AreaCode, _ ids: [UUID], tenantID: UUID, on db: any Database) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let areas = try await ServiceAreaRow.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).all()
        let withAreas = Set(areas.map(\.serviceID))
        let matching = Set(areas.filter { $0.extentType == area.type && $0.extent == area.code }.map(\.serviceID))
        return Set(ids.filter { !withAreas.contains($0) || matching.contains($0) })
    }
}

extension Service {
    /// What free-text search looks in: name, description, provider, eligibility.
    static func searchText(name: String, description: String, organizationName: String, eligibility: String) -> String {
        [name, description, organizationName, eligibility].joined(separator: " ").lowercased()
    }
}
