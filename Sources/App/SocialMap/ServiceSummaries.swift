import Domain
import Fluent
import Foundation
import SQLKit

/// Search results and referral candidates need a summary, not the whole
/// record: the provider, the terms and the opening hours, read as plain
/// SQL in four queries however many services there are (a record reads ten
/// kinds of row through Fluent).
enum ServiceSummaries {
    /// Summaries of `services`; opening hours the caller has read already are not read again.
    static func load(
        _ services: [ServiceBrief], openings knownOpenings: [UUID: [WeeklyOpening]]? = nil, tenantID: UUID, now: Date, on db: any Database
    ) async throws -> [ServiceSummary] {
        let ids = services.map(\.id)
        guard !ids.isEmpty else { return [] }
        let providers = try await Self.providers(Set(services.map(\.mapOrganizationID)), tenantID: tenantID, on: db)
        let terms = try await terms(of: ids, tenantID: tenantID, on: db)
        let openings = if let knownOpenings { knownOpenings } else { try await Self.openings(of: ids, tenantID: tenantID, on: db) }
        return services.compactMap { service in
            let id = service.id
            guard let provider = providers[service.mapOrganizationID] else { return nil }
            let mine = terms[id] ?? []
            return ServiceSummary(
                id: id, name: service.name, description: service.description, organizationName: provider.name,
                mapOrganizationID: service.mapOrganizationID, organizationID: provider.organizationID, informal: provider.informal,
                capacity: service.capacity, expectedWaitWeeks: service.expectedWaitWeeks, acceptsReferrals: service.acceptsReferrals,
                responseDays: service.responseDays, lifeDomains: mine.lifeDomains, targetGroups: mine.targetGroups,
                openNow: ServiceRecord.isOpen(openings[id] ?? [], at: now)
            )
        }
    }

    /// Per service, its taxonomy terms in name order (summaries and full records alike).
    static func terms(of ids: [UUID], tenantID: UUID, on db: any Database) async throws -> [UUID: [MapTerm]] {
        let rows = try await db.sql.raw("""
            SELECT service_id, term_id FROM service_terms WHERE tenant_id = \(bind: tenantID) AND service_id IN (\(binds: ids))
            """).all()
        var terms: [UUID: [MapTerm]] = [:]
        for row in rows {
            guard let term = MapTaxonomy.term(id: try row.decode(column: "term_id", as: UUID.self)) else { continue }
            terms[try row.decode(column: "service_id", as: UUID.self), default: []].append(term)
        }
        return terms.mapValues { $0.sorted { $0.nameKey < $1.nameKey } }
    }

    struct Provider { let name: String; let organizationID: UUID?; let informal: Bool }

    static func providers(_ ids: Set<UUID>, tenantID: UUID, on db: any Database) async throws -> [UUID: Provider] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql.raw("""
            SELECT id, name, organization_id, informal FROM map_organizations WHERE tenant_id = \(bind: tenantID) AND id IN (\(binds: Array(ids)))
            """).all()
        return Dictionary(try rows.map { row in
            (try row.decode(column: "id", as: UUID.self),
             Provider(name: try row.decode(column: "name", as: String.self), organizationID: try row.decode(column: "organization_id", as: UUID?.self),
                      informal: try row.decode(column: "informal", as: Bool.self)))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Per service, its weekly openings as `ServiceRecord.openings` chooses them.
    static func openings(of ids: [UUID], tenantID: UUID, on db: any Database) async throws -> [UUID: [WeeklyOpening]] {
        let links = try await db.sql.raw("""
            SELECT service_id, location_id FROM service_at_locations WHERE tenant_id = \(bind: tenantID) AND service_id IN (\(binds: ids))
            """).all().map { (service: try $0.decode(column: "service_id", as: UUID.self), location: try $0.decode(column: "location_id", as: UUID.self)) }
        let locations = Array(Set(links.map(\.location)))
        var whose: SQLQueryString = "service_id IN (\(binds: ids))"
        if !locations.isEmpty { whose = "\(whose) OR location_id IN (\(binds: locations))" }
        let rows = try await db.sql.raw("""
            SELECT service_id, location_id, weekday, opens_at, closes_at FROM map_schedules WHERE tenant_id = \(bind: tenantID) AND (\(whose))
            """).all()
        var own: [UUID: [WeeklyOpening]] = [:], atLocation: [UUID: [WeeklyOpening]] = [:]
        for row in rows {
            guard let opening = MapSchedule.opening(weekday: try row.decode(column: "weekday", as: String.self),
                                                    opensAt: try row.decode(column: "opens_at", as: String.self),
                                                    closesAt: try row.decode(column: "closes_at", as: String.self)) else { continue }
            if let service = try row.decode(column: "service_id", as: UUID?.self) { own[service, default: []].append(opening) }
            if let location = try row.decode(column: "location_id", as: UUID?.self) { atLocation[location, default: []].append(opening) }
        }
        let placesOf = Dictionary(grouping: links, by: \.service)
        return Dictionary(ids.map { id in
            (id, ServiceRecord.openings(own: own[id] ?? [], atLocations: (placesOf[id] ?? []).flatMap { atLocation[$0.location] ?? [] }))
        }, uniquingKeysWith: { first, _ in first })
    }
}

/// The columns of a service that summaries show: not the whole row.
struct ServiceBrief: Sendable {
    let id: UUID
    let name: String
    let description: String
    let mapOrganizationID: UUID
    let capacity: ServiceCapacity
    let expectedWaitWeeks: Int?
    let acceptsReferrals: Bool
    let responseDays: Int

    static let columns: SQLQueryString = "id, name, description, map_organization_id, capacity, expected_wait_weeks, accepts_referrals, response_days"

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        name = try row.decode(column: "name", as: String.self)
        description = try row.decode(column: "description", as: String.self)
        mapOrganizationID = try row.decode(column: "map_organization_id", as: UUID.self)
        capacity = ServiceCapacity(rawValue: try row.decode(column: "capacity", as: String.self)) ?? .available
        expectedWaitWeeks = try row.decode(column: "expected_wait_weeks", as: Int?.self)
        acceptsReferrals = try row.decode(column: "accepts_referrals", as: Bool.self)
        responseDays = try row.decode(column: "response_days", as: Int.self)
    }

    init(_ service: Service) throws {
        (id, name, description, mapOrganizationID) = (try service.requireID(), service.name, service.description, service.mapOrganizationID)
        (capacity, expectedWaitWeeks, acceptsReferrals, responseDays) = (service.serviceCapacity, service.expectedWaitWeeks, service.acceptsReferrals, service.responseDays)
    }
}
