import Domain
import Fluent
import Foundation

/// A tenant's social map as an HSDS 3.0 organization package: every
/// provider with its phones and locations (addresses, phones, hours) and its
/// services. The export and `/hsds/organizations/{id}` build it here.
enum HSDSPackage {
    static func organizations(
        _ providers: [MapOrganization], tenantID: UUID, mapping: HSDSMapping, fullServices: Bool, on db: any Database
    ) async throws -> [HSDS.Organization] {
        let ids = providers.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let phones = try await MapPhone.scoped(to: tenantID, on: db).filter(\.$mapOrganizationID ~~ ids).sort(\.$number).all()
        let locations = try await MapLocation.scoped(to: tenantID, on: db).filter(\.$mapOrganizationID ~~ ids).sort(\.$name).sort(\.$id).all()
        let locationIDs = locations.compactMap(\.id)
        let locationPhones = locationIDs.isEmpty ? [] : try await MapPhone.scoped(to: tenantID, on: db).filter(\.$locationID ~~ locationIDs).sort(\.$number).all()
        let locationSchedules = locationIDs.isEmpty ? [] : try await MapSchedule.scoped(to: tenantID, on: db).filter(\.$locationID ~~ locationIDs).all()
        let services = try await Service.scoped(to: tenantID, on: db).filter(\.$mapOrganizationID ~~ ids).sort(\.$name).sort(\.$id).all()
        let records = try await ServiceRecords.load(services, tenantID: tenantID, on: db)
        return providers.map { provider in
            let id = provider.id!
            let places = locations.filter { $0.mapOrganizationID == id }.map { location in
                mapping.location(location, phones: locationPhones.filter { $0.locationID == location.id },
                                 schedules: ServiceRecords.sortedSchedules(locationSchedules.filter { $0.locationID == location.id }))
            }
            return mapping.organization(
                provider, phones: phones.filter { $0.mapOrganizationID == id }, locations: places,
                services: records.filter { $0.service.mapOrganizationID == id }.map { mapping.service($0, full: fullServices) }
            )
        }
    }

    /// The whole map of a tenant, as the export writes it.
    static func export(tenantID: UUID, mapping: HSDSMapping, on db: any Database) async throws -> [HSDS.Organization] {
        let providers = try await MapOrganization.scoped(to: tenantID, on: db).sort(\.$name).sort(\.$id).all()
        return try await organizations(providers, tenantID: tenantID, mapping: mapping, fullServices: true, on: db)
    }
}
