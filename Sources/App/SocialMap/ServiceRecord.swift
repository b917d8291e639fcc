import Domain
import Fluent
import SQLKit
import Foundation

/// A service with everything the map knows about it, loaded in a few batch
/// queries: the detail page, the HSDS API and the export all read these.
struct ServiceRecord: Sendable {
    struct Place: Sendable {
        let link: ServiceAtLocation
        let location: MapLocation
        let phones: [MapPhone]
        let schedules: [MapSchedule]
    }

    let service: Service
    let organization: MapOrganization
    let terms: [MapTerm]
    let areas: [ServiceAreaRow]
    let schedules: [MapSchedule]
    let phones: [MapPhone]
    let contacts: [MapContact]
    let places: [Place]
    /// When the service is also a participation offer (issue 24): its terms.
    var offer: ParticipationOffer? = nil

    var id: UUID { service.id! }

    /// The service's own weekly openings, or else those of its locations.
    var openings: [WeeklyOpening] {
        Self.openings(own: schedules.compactMap(\.opening), atLocations: places.flatMap { $0.schedules.compactMap(\.opening) })
    }

    static func openings(own: [WeeklyOpening], atLocations: [WeeklyOpening]) -> [WeeklyOpening] {
        own.isEmpty ? atLocations : own
    }

    func isOpen(at date: Date) -> Bool { Self.isOpen(openings, at: date) }

    static func isOpen(_ openings: [WeeklyOpening], at date: Date) -> Bool {
        let (day, minute) = WeeklyOpening.moment(date, in: Day.timeZone)
        return WeeklyOpening.isOpen(openings, on: day, at: minute)
    }

    var lifeDomains: [LifeDomain] { terms.lifeDomains }
    var targetGroups: [TargetGroup] { terms.targetGroups }
}

enum ServiceRecords {
    /// Records for `services` (all of one tenant), in the same order.
    static func load(_ services: [Service], tenantID: UUID, on db: any Database) async throws -> [ServiceRecord] {
        let ids = services.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let byOrganization = try await providers(of: services, tenantID: tenantID, on: db)
        let termsOf = try await ServiceSummaries.terms(of: ids, tenantID: tenantID, on: db)
        let areas = try await ServiceAreaRow.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).sort(\.$extentType).sort(\.$extent).all()
        let schedules = try await MapSchedule.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).all()
        let phones = try await MapPhone.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).sort(\.$number).sort(\.$id).all()
        let contacts = try await MapContact.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).sort(\.$name).sort(\.$id).all()
        let links = try await ServiceAtLocation.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).all()
        let places = try await self.places(links, tenantID: tenantID, on: db)
        let offers = try await ParticipationOffer.select(in: tenantID, where: "service_id IN (\(binds: ids))", on: db)
        let offerOf = Dictionary(offers.map { ($0.serviceID, $0) }, uniquingKeysWith: { a, _ in a })

        // Grouped once: a large map has thousands of these rows.
        let areasOf = Dictionary(grouping: areas, by: \.serviceID)
        let schedulesOf = Dictionary(grouping: schedules, by: { $0.serviceID }), phonesOf = Dictionary(grouping: phones, by: { $0.serviceID })
        let contactsOf = Dictionary(grouping: contacts, by: \.serviceID), placesOf = Dictionary(grouping: places, by: \.link.serviceID)
        return services.compactMap { service in
            guard let id = service.id, let organization = byOrganization[service.mapOrganizationID] else { return nil }
            return ServiceRecord(
                service: service, organization: organization,
                terms: termsOf[id] ?? [],
                areas: areasOf[id] ?? [],
                schedules: sortedSchedules(schedulesOf[id] ?? []),
                phones: phonesOf[id] ?? [],
                contacts: contactsOf[id] ?? [],
                places: placesOf[id] ?? [],
                offer: offerOf[id]
            )
        }
    }

    /// The providers of `services`, by id: all a brief HSDS service needs besides the service.
    static func providers(of services: [Service], tenantID: UUID, on db: any Database) async throws -> [UUID: MapOrganization] {
        let ids = Array(Set(services.map(\.mapOrganizationID)))
        guard !ids.isEmpty else { return [:] }
        let providers = try await MapOrganization.scoped(to: tenantID, on: db).filter(\.$id ~~ ids).all()
        return Dictionary(providers.compactMap { provider in provider.id.map { ($0, provider) } }, uniquingKeysWith: { a, _ in a })
    }

    static func load(_ service: Service, on db: any Database) async throws -> ServiceRecord {
        guard let record = try await load([service], tenantID: service.tenantID, on: db).first else { throw AppError.notFound }
        return record
    }

    private static func places(_ links: [ServiceAtLocation], tenantID: UUID, on db: any Database) async throws -> [ServiceRecord.Place] {
        let locationIDs = Array(Set(links.map(\.locationID)))
        guard !locationIDs.isEmpty else { return [] }
        let locations = try await MapLocation.scoped(to: tenantID, on: db).filter(\.$id ~~ locationIDs).all()
        let phones = try await MapPhone.scoped(to: tenantID, on: db).filter(\.$locationID ~~ locationIDs).sort(\.$number).sort(\.$id).all()
        let schedules = try await MapSchedule.scoped(to: tenantID, on: db).filter(\.$locationID ~~ locationIDs).all()
        let byID = Dictionary(locations.compactMap { location in location.id.map { ($0, location) } }, uniquingKeysWith: { a, _ in a })
        let phonesAt = Dictionary(grouping: phones, by: { $0.locationID }), schedulesAt = Dictionary(grouping: schedules, by: { $0.locationID })
        return links.compactMap { link in
            guard let location = byID[link.locationID] else { return nil }
            return ServiceRecord.Place(
                link: link, location: location,
                phones: phonesAt[link.locationID] ?? [],
                schedules: sortedSchedules(schedulesAt[link.locationID] ?? [])
            )
        }.sorted { ($0.location.name, $0.location.id!.canonicalText) < ($1.location.name, $1.location.id!.canonicalText) }
    }

    static func sortedSchedules(_ schedules: [MapSchedule]) -> [MapSchedule] {
        let order = Dictionary(uniqueKeysWithValues: Weekday.allCases.enumerated().map { ($1.rawValue, $0) })
        return schedules.sorted { (order[$0.weekday] ?? 9, $0.opensAt) < (order[$1.weekday] ?? 9, $1.opensAt) }
    }
}

extension [MapTerm] {
    var lifeDomains: [LifeDomain] { compactMap(\.lifeDomain) }
    var targetGroups: [TargetGroup] { filter { $0.taxonomy == .targetGroups }.compactMap { TargetGroup(rawValue: $0.code) } }
}
