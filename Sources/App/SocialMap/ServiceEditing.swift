import Domain
import Fluent
import SQLKit
import Vapor

/// Saving a service from its form: the row (versioned) and its terms, areas,
/// hours, phones and locations, in one transaction, logged.
enum ServiceEditing {
    enum Outcome {
        case saved(UUID)
        case invalid([ValidationIssue])
        case conflict(current: Service)
    }

    /// The providers whose services `actor` may change (SocialMapRights).
    static func editableProviders(for actor: Actor, on db: any Database) async throws -> [MapOrganization] {
        var query = MapOrganization.scoped(to: actor.tenantID, on: db)
        // Narrowed in SQL to the providers the rule could allow (a city's map has
        // hundreds, and the search page asks on every view); the rule decides.
        if !actor.role.administersTenant {
            guard let mine = actor.organizationID else { return [] }
            query = query.filter(\.$organizationID == mine)
        }
        return try await query.sort(\.$name).all().filter { SocialMapRights.canEdit(role: actor.role, actorOrganizationID: actor.organizationID, providerOrganizationID: $0.organizationID) }
    }

    static func create(_ form: ServiceForm, actor: Actor, req: Request) async throws -> Outcome {
        let providers = try await editableProviders(for: actor, on: req.db)
        let locations = try await MapLocation.scoped(to: actor.tenantID, on: req.db).all()
        let valid: ServiceForm.Valid
        switch form.validate(providers: providers, locations: locations) {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        let provider = providers.first { $0.id == valid.mapOrganizationID }!
        let service = Service(tenantID: actor.tenantID, mapOrganizationID: valid.mapOrganizationID, name: valid.name, description: valid.description)
        apply(valid, to: service, providerName: provider.name)
        try await req.db.transaction { tx in
            try await service.create(on: tx)
            try await replaceDetails(of: try service.requireID(), tenantID: actor.tenantID, with: valid, on: tx)
            try await req.audit("socialmap.service.create", outcome: .success, basis: .administration, objectType: "service", objectID: service.id?.uuidString, on: tx)
        }
        return .saved(try service.requireID())
    }

    static func update(_ service: Service, with form: ServiceForm, actor: Actor, req: Request) async throws -> Outcome {
        let providers = try await editableProviders(for: actor, on: req.db)
        guard providers.contains(where: { $0.id == service.mapOrganizationID }) else { throw AppError.forbidden }
        let locations = try await MapLocation.scoped(to: actor.tenantID, on: req.db).all()
        let valid: ServiceForm.Valid
        switch form.validate(providers: providers, locations: locations) {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        let provider = providers.first { $0.id == valid.mapOrganizationID }!
        let id = try service.requireID()
        let scratch = Service(tenantID: service.tenantID, mapOrganizationID: valid.mapOrganizationID, name: valid.name, description: valid.description)
        apply(valid, to: scratch, providerName: provider.name)
        let landed = try await req.db.transaction { tx -> Bool in
            guard try await tx.sql.updateVersioned(Service.schema, id: id, in: service.tenantID, expectedVersion: form.version, { assign(scratch, $0) }) else { return false }
            try await replaceDetails(of: id, tenantID: service.tenantID, with: valid, on: tx)
            try await req.audit("socialmap.service.update", outcome: .success, basis: .administration, objectType: "service", objectID: id.uuidString, on: tx)
            return true
        }
        if landed { return .saved(id) }
        return .conflict(current: try await Service.find(id, in: service.tenantID, on: req.db))
    }

    static func apply(_ valid: ServiceForm.Valid, to service: Service, providerName: String) {
        service.mapOrganizationID = valid.mapOrganizationID
        service.name = valid.name
        service.description = valid.description
        service.url = valid.url
        service.email = valid.email
        service.status = valid.status.rawValue
        service.eligibilityDescription = valid.eligibility
        service.feesDescription = valid.fees
        service.languages = valid.languages.joined(separator: ",")
        service.capacity = valid.capacity.rawValue
        service.expectedWaitWeeks = valid.capacity == .waitingList ? valid.expectedWaitWeeks : nil
        service.acceptsReferrals = valid.acceptsReferrals
        service.responseDays = valid.responseDays
        service.refreshSearchColumns(providerName: providerName)
    }

    /// The columns a versioned update writes.
    static func assign(_ s: Service, _ builder: SQLUpdateBuilder) -> SQLUpdateBuilder {
        builder.set("map_organization_id", to: s.mapOrganizationID).set("name", to: s.name).set("description", to: s.description)
            .set("url", to: s.url).set("email", to: s.email).set("status", to: s.status)
            .set("eligibility_description", to: s.eligibilityDescription).set("fees_description", to: s.feesDescription)
            .set("languages", to: s.languages).set("capacity", to: s.capacity).set("expected_wait_weeks", to: s.expectedWaitWeeks)
            .set("accepts_referrals", to: s.acceptsReferrals).set("response_days", to: s.responseDays).set("search_text", to: s.searchText)
            .set("name_text", to: s.nameText).set("rank_key", to: s.rankKey)
    }

    static func replaceDetails(of serviceID: UUID, tenantID: UUID, with valid: ServiceForm.Valid, on db: any Database) async throws {
        try await ServiceTerm.scoped(to: tenantID, on: db).filter(\.$serviceID == serviceID).delete()
        for term in valid.terms { try await ServiceTerm(tenantID: tenantID, serviceID: serviceID, termID: term.id).create(on: db) }
        try await ServiceAreaRow.scoped(to: tenantID, on: db).filter(\.$serviceID == serviceID).delete()
        for area in valid.areas { try await ServiceAreaRow(tenantID: tenantID, serviceID: serviceID, area: area).create(on: db) }
        try await MapSchedule.scoped(to: tenantID, on: db).filter(\.$serviceID == serviceID).delete()
        for opening in valid.openings {
            try await MapSchedule(tenantID: tenantID, serviceID: serviceID, weekday: opening.weekday,
                                  opensAt: WeeklyOpening.text(opening.opensAt), closesAt: WeeklyOpening.text(opening.closesAt)).create(on: db)
        }
        try await MapPhone.scoped(to: tenantID, on: db).filter(\.$serviceID == serviceID).delete()
        for number in valid.phones { try await MapPhone(tenantID: tenantID, serviceID: serviceID, number: number).create(on: db) }
        // Links keep their ids (the HSDS service_at_location id) while they stay.
        let links = try await ServiceAtLocation.scoped(to: tenantID, on: db).filter(\.$serviceID == serviceID).all()
        for link in links where !valid.locationIDs.contains(link.locationID) { try await link.delete(on: db) }
        for locationID in valid.locationIDs where !links.contains(where: { $0.locationID == locationID }) {
            try await ServiceAtLocation(tenantID: tenantID, serviceID: serviceID, locationID: locationID).create(on: db)
        }
    }
}
