import Domain
import Fluent
import Foundation

/// Writes a checked plan (inside the caller's transaction): providers,
/// locations and services are upserted by id; their phones, hours, areas,
/// terms, contacts and location links are replaced by the package's.
struct ImportWriter {
    let tenantID: UUID
    let db: any Database

    func write(_ plan: ImportPlan) async throws {
        let providerIDs = plan.providers.map(\.id), locationIDs = plan.locations.map(\.id), serviceIDs = plan.services.map(\.id)
        // Children go first (by owner and by id), so ids moving between owners never collide.
        let phoneIDs = plan.providers.flatMap { $0.phones.map(\.id) } + plan.locations.flatMap { $0.phones.map(\.id) } + plan.services.flatMap { $0.phones.map(\.id) }
        let scheduleIDs = plan.locations.flatMap { $0.schedules.map(\.id) } + plan.services.flatMap { $0.schedules.map(\.id) }
        try await deleteChildren(MapPhone.self, ids: phoneIDs)
        try await deleteChildren(MapSchedule.self, ids: scheduleIDs)
        try await deleteChildren(MapContact.self, ids: plan.services.flatMap { $0.contacts.map(\.id) })
        try await deleteChildren(ServiceAreaRow.self, ids: plan.services.flatMap { $0.areas.map(\.id) })
        try await deleteChildren(ServiceAtLocation.self, ids: plan.services.flatMap { $0.links.map(\.id) })
        for ids in chunks(providerIDs) { try await MapPhone.scoped(to: tenantID, on: db).filter(\.$mapOrganizationID ~~ ids).delete() }
        for ids in chunks(locationIDs) {
            try await MapPhone.scoped(to: tenantID, on: db).filter(\.$locationID ~~ ids).delete()
            try await MapSchedule.scoped(to: tenantID, on: db).filter(\.$locationID ~~ ids).delete()
        }
        for ids in chunks(serviceIDs) {
            try await MapPhone.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).delete()
            try await MapSchedule.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).delete()
            try await MapContact.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).delete()
            try await ServiceAreaRow.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).delete()
            try await ServiceTerm.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).delete()
            try await ServiceAtLocation.scoped(to: tenantID, on: db).filter(\.$serviceID ~~ ids).delete()
        }

        var providerNames: [UUID: String] = [:]
        for p in plan.providers {
            let row = try await MapOrganization.scoped(to: tenantID, on: db).filter(\.$id == p.id).first()
                ?? MapOrganization(id: p.id, tenantID: tenantID, name: p.name, description: p.description)
            if row.$id.exists { row.version += 1 }
            row.name = p.name; row.description = p.description; row.email = p.email; row.website = p.website; row.informal = p.informal
            try await row.save(on: db)
            providerNames[p.id] = p.name
            for phone in p.phones { try await MapPhone(id: phone.id, tenantID: tenantID, mapOrganizationID: p.id, number: phone.number, description: phone.description).create(on: db) }
        }
        for l in plan.locations {
            let row = try await MapLocation.scoped(to: tenantID, on: db).filter(\.$id == l.id).first()
                ?? MapLocation(id: l.id, tenantID: tenantID, mapOrganizationID: l.providerID, name: l.name, address1: l.address1, postalCode: l.postalCode, city: l.city)
            row.mapOrganizationID = l.providerID; row.name = l.name; row.description = l.description
            row.address1 = l.address1; row.postalCode = l.postalCode; row.city = l.city
            try await row.save(on: db)
            for phone in l.phones { try await MapPhone(id: phone.id, tenantID: tenantID, locationID: l.id, number: phone.number, description: phone.description).create(on: db) }
            for s in l.schedules { try await schedule(s, serviceID: nil, locationID: l.id).create(on: db) }
        }
        for s in plan.services { try await write(s, providerName: providerNames[s.providerID] ?? "") }
    }

    private func write(_ s: ImportPlan.Service, providerName: String) async throws {
        let row = try await Service.scoped(to: tenantID, on: db).filter(\.$id == s.id).first()
            ?? Service(id: s.id, tenantID: tenantID, mapOrganizationID: s.providerID, name: s.name, description: s.description)
        if row.$id.exists { row.version += 1 }
        row.mapOrganizationID = s.providerID; row.name = s.name; row.description = s.description; row.url = s.url; row.email = s.email
        row.status = s.status.rawValue; row.eligibilityDescription = s.eligibility; row.feesDescription = s.fees
        row.languages = s.languages.joined(separator: ","); row.capacity = s.capacity.rawValue; row.expectedWaitWeeks = s.expectedWaitWeeks
        row.acceptsReferrals = s.acceptsReferrals; row.responseDays = s.responseDays
        row.refreshSearchColumns(providerName: providerName)
        try await row.save(on: db)
        for termID in s.termIDs { try await ServiceTerm(tenantID: tenantID, serviceID: s.id, termID: termID).create(on: db) }
        for area in s.areas { try await ServiceAreaRow(id: area.id, tenantID: tenantID, serviceID: s.id, area: area.code, name: area.name).create(on: db) }
        for schedule in s.schedules { try await self.schedule(schedule, serviceID: s.id, locationID: nil).create(on: db) }
        for phone in s.phones { try await MapPhone(id: phone.id, tenantID: tenantID, serviceID: s.id, number: phone.number, description: phone.description).create(on: db) }
        for c in s.contacts { try await MapContact(id: c.id, tenantID: tenantID, serviceID: s.id, name: c.name, title: c.title, email: c.email, phone: c.phone).create(on: db) }
        for link in s.links { try await ServiceAtLocation(id: link.id, tenantID: tenantID, serviceID: s.id, locationID: link.locationID).create(on: db) }
    }

    private func schedule(_ s: ImportPlan.Schedule, serviceID: UUID?, locationID: UUID?) -> MapSchedule {
        MapSchedule(id: s.id, tenantID: tenantID, serviceID: serviceID, locationID: locationID, weekday: s.opening.weekday,
                    opensAt: WeeklyOpening.text(s.opening.opensAt), closesAt: WeeklyOpening.text(s.opening.closesAt), description: s.description)
    }

    private func deleteChildren<M: TenantOwned>(_ type: M.Type, ids: [UUID]) async throws {
        for chunk in chunks(ids) { try await M.scoped(to: tenantID, on: db).filter(\._$id ~~ chunk).delete() }
    }

    private func chunks(_ ids: [UUID]) -> [[UUID]] {
        stride(from: 0, to: ids.count, by: 500).map { Array(ids[$0..<min($0 + 500, ids.count)]) }
    }
}
