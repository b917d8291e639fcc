import Domain
import Fluent
import Foundation

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
        var query = Service.scoped(to: tenantID, on: db)
        for word in words { query = query.filter(\.$searchText ~~ word) }
        if let statuses { query = query.filter(\.$status ~~ statuses.map(\.rawValue)) }
        if let mapOrganizationID { query = query.filter(\.$mapOrganizationID == mapOrganizationID) }
        if let modifiedAfter { query = query.filter(\.$updatedAt >= modifiedAfter) }
        for termID in termIDs {
            let ids = try await ServiceTerm.scoped(to: tenantID, on: db).filter(\.$termID == termID).all().map(\.serviceID)
            guard !ids.isEmpty else { return [] }
            query = query.filter(\.$id ~~ ids)
        }
        if let taxonomy {
            let termIDs = taxonomy.terms.map(\.id)
            let ids = try await ServiceTerm.scoped(to: tenantID, on: db).filter(\.$termID ~~ termIDs).all().map(\.serviceID)
            guard !ids.isEmpty else { return [] }
            query = query.filter(\.$id ~~ Array(Set(ids)))
        }
        var services = try await query.sort(\.$name).sort(\.$id).all()
        if let area { services = try await Self.serving(area, services, tenantID: tenantID, on: db) }
        return services
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
