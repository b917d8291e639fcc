import Domain
import Fluent
import Foundation
import VaporTesting
@testable import App

/// Providers and services made directly in the database, for tests.
struct SocialMapFixtures {
    let app: Application
    let tenantID: UUID

    func provider(_ name: String, linkedTo organization: Organization? = nil, informal: Bool = false) async throws -> MapOrganization {
        let provider = MapOrganization(tenantID: tenantID, name: name, description: "Over \(name)", informal: informal, organizationID: organization?.id)
        try await provider.create(on: app.db)
        return provider
    }

    @discardableResult
    func service(
        _ name: String, at provider: MapOrganization, description: String = "Een voorziening", domains: [LifeDomain] = [.finances],
        groups: [TargetGroup] = [], capacity: ServiceCapacity = .available, wait: Int? = nil, areas: [String] = [],
        hours: [WeeklyOpening] = [], status: ServiceStatus = .active, accepts: Bool = true
    ) async throws -> Service {
        let service = Service(tenantID: tenantID, mapOrganizationID: try provider.requireID(), name: name, description: description)
        service.capacity = capacity.rawValue
        service.expectedWaitWeeks = wait
        service.status = status.rawValue
        service.acceptsReferrals = accepts
        service.refreshSearchColumns(providerName: provider.name)
        try await service.create(on: app.db)
        let id = try service.requireID()
        for domain in domains { try await ServiceTerm(tenantID: tenantID, serviceID: id, termID: MapTaxonomy.term(for: domain).id).create(on: app.db) }
        for group in groups { try await ServiceTerm(tenantID: tenantID, serviceID: id, termID: MapTaxonomy.term(for: group).id).create(on: app.db) }
        for area in areas.compactMap(AreaCode.init) { try await ServiceAreaRow(tenantID: tenantID, serviceID: id, area: area).create(on: app.db) }
        for opening in hours {
            try await MapSchedule(tenantID: tenantID, serviceID: id, weekday: opening.weekday, opensAt: WeeklyOpening.text(opening.opensAt), closesAt: WeeklyOpening.text(opening.closesAt)).create(on: app.db)
        }
        return service
    }

    func location(of provider: MapOrganization, name: String = "Wijkcentrum") async throws -> MapLocation {
        let location = MapLocation(tenantID: tenantID, mapOrganizationID: try provider.requireID(), name: name, address1: "Dorpsstraat 1", postalCode: "1234 AB", city: "Alpha")
        try await location.create(on: app.db)
        return location
    }
}
