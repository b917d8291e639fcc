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
        guard let query = try await query(tenantID: tenantID, on: db) else { return [] }
        let services = try await query.sort(\.$name).sort(\.$id).all()
        guard let area else { return services }
        return try await Self.serving(area, services, tenantID: tenantID, on: db)
    }

    /// One page of them (from 1) and how many match in all: counted and cut
    /// in SQL, unless an area is asked for (that check is made in Swift).
    func page(_ number: Int, perPage: Int, tenantID: UUID, on db: any Database) async throws -> (services: [Service], total: Int) {
        let start = (max(1, number) - 1) * perPage
        guard area == nil else {
            let all = try await services(tenantID: tenantID, on: db)
            return (Array(all.dropFirst(start).prefix(perPage)), all.count)
        }
        guard let query = try await query(tenantID: tenantID, on: db) else { return ([], 0) }
        let total = try await query.copy().count()
        return (try await query.sort(\.$name).sort(\.$id).range(start..<(start + perPage)).all(), total)
    }

    /// The filter as a query; nil when a term has no services at all.
    private func query(tenantID: UUID, on db: any Database) async throws -> QueryBuilder<Service>? {
        var query = Service.scoped(to: tenantID, on: db)
        for word in words { query = query.filter(\.$searchText ~~ word) }
        if let statuses { query = query.filter(\.$status ~~ statuses.map(\.rawValue)) }
        if let mapOrganizationID { query = query.filter(\.$mapOrganizationID == mapOrganizationID) }
        if let modifiedAfter { query = query.filter(\.$updatedAt >= modifiedAfter) }
        for termID in termIDs {
            let ids = try await Self.services(withAnyOf: [termID], tenantID: tenantID, on: db)
            guard !ids.isEmpty else { return nil }
            query = query.filter(\.$id ~~ ids)
        }
        if let taxonomy {
            let ids = try await Self.services(withAnyOf: taxonomy.terms.map(\.id), tenantID: tenantID, on: db)
            guard !ids.isEmpty else { return nil }
            query = query.filter(\.$id ~~ ids)
        }
        return query
    }

    private static func services(withAnyOf termIDs: [UUID], tenantID: UUID, on db: any Database) async throws -> [UUID] {
        let rows = try await db.sql.raw("""
            SELECT DISTINCT service_id FROM service_terms WHERE tenant_id = \(bind: tenantID) AND term_id IN (\(binds: termIDs))
            """).all()
        return try rows.map { try $0.decode(column: "service_id", as: UUID.self) }
    }

    /// Keeps the services that work in `area` or have no areas at all.
    static func serving(_ area: AreaCode, _ services: [Service], tenantID: UUID, on db: any Database) async throws -> [Service] {
        let ids = services.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let areas = try await ServiceAreaRow.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).all()
        let withAreas = Set(areas.map(\.serviceID))
        let matching = Set(areas.filter { $0.extentType == area.type && $0.extent == area.code }.map(\.serviceID))
        return services.filter { service in
            guard let id = service.id else { return false }
            return !withAreas.contains(id) || matching.contains(id)
        }
    }
}

extension Service {
    /// What free-text search looks in: name, description, provider, eligibility.
    static func searchText(name: String, description: String, organizationName: String, eligibility: String) -> String {
        [name, description, organizationName, eligibility].joined(separator: " ").lowercased()
    }
}
