import Domain
import Fluent
import Foundation

/// Checks a package row by row and turns it into an `ImportPlan`.
struct ImportPlanner {
    let tenantID: UUID
    let db: any Database

    func plan(_ organizations: [HSDS.Organization]) async throws -> ImportPlan {
        var check = ImportChecker()
        var plan = ImportPlan()
        var pendingLinks: [(row: String, serviceIndex: Int, locationID: UUID)] = []
        for (index, organization) in organizations.enumerated() {
            let row = "organizations[\(index)]"
            guard let id = check.id(organization.id, row: row, table: MapOrganization.schema) else { continue }
            let name = check.text(organization.name, row: row, id: id, field: "name", required: true, maxLength: 120)
            if organization.description == nil { check.issue(row, id.uuidString.lowercased(), "import.issue.missing_field", "description") }
            let description = check.text(organization.description, row: row, id: id, field: "description", maxLength: 4000, lines: true) ?? ""
            let email = check.checked(organization.email, row: row, id: id, field: "email", maxLength: 200, ContactDetails.isEmail)
            let website = check.checked(organization.website, row: row, id: id, field: "website", MapFieldRules.isWebURL)
            let informal = organization.attributes?.contains { $0.link_type == HSDSMapping.Extension.informal.rawValue && $0.value == "true" } ?? false
            let phones = check.phones(organization.phones, row: row)
            if let name {
                plan.providers.append(.init(id: id, name: name, description: description, email: email, website: website, informal: informal, phones: phones))
            }
            for (locationIndex, location) in (organization.locations ?? []).enumerated() {
                if let planned = self.location(location, row: "\(row).locations[\(locationIndex)]", providerID: id, check: &check) {
                    plan.locations.append(planned)
                }
            }
            for (serviceIndex, service) in (organization.services ?? []).enumerated() {
                let serviceRow = "\(row).services[\(serviceIndex)]"
                guard let result = ServiceRowPlanner.plan(service, row: serviceRow, providerID: id, check: &check) else { continue }
                let (planned, links) = result
                plan.services.append(planned)
                pendingLinks += links.map { (serviceRow, plan.services.count - 1, $0) }
            }
        }
        try await checkLocations(&plan, pendingLinks, check: &check)
        try await checkOtherTenants(check: &check)
        plan.issues = check.issues
        return plan
    }

    private func location(_ location: HSDS.Location, row: String, providerID: UUID, check: inout ImportChecker) -> ImportPlan.Location? {
        guard let id = check.id(location.id, row: row, table: MapLocation.schema) else { return nil }
        let label = id.uuidString.lowercased()
        if let type = location.location_type, type != "physical" { check.issue(row, label, "import.issue.invalid_value", "location_type"); return nil }
        let name = check.text(location.name, row: row, id: id, field: "name", required: true, maxLength: 120)
        let description = check.text(location.description, row: row, id: id, field: "description", maxLength: 4000, lines: true) ?? ""
        guard let address = location.addresses?.first else { check.issue(row, label, "import.issue.missing_field", "addresses"); return nil }
        let address1 = check.text(address.address_1, row: row, id: id, field: "address_1", required: true)
        let city = check.text(address.city, row: row, id: id, field: "city", required: true, maxLength: 80)
        let postcode = address.postal_code.flatMap(ProviderEditing.postcode)
        if postcode == nil { check.issue(row, label, "import.issue.invalid_value", "postal_code") }
        let phones = check.phones(location.phones, row: row)
        let schedules = check.schedules(location.schedules, row: row)
        guard let name, let address1, let city, let postcode else { return nil }
        return .init(id: id, providerID: providerID, name: name, description: description, address1: address1, postalCode: postcode, city: city, phones: phones, schedules: schedules)
    }

    /// Every service_at_location names a location of the package or one already on this tenant's map.
    private func checkLocations(_ plan: inout ImportPlan, _ links: [(row: String, serviceIndex: Int, locationID: UUID)], check: inout ImportChecker) async throws {
        let inPackage = Set(plan.locations.map(\.id))
        let asked = Array(Set(links.map(\.locationID)).subtracting(inPackage))
        let stored = asked.isEmpty ? [] : try await MapLocation.scoped(to: tenantID, on: db).filter(\.$id ~~ asked).all().compactMap(\.id)
        let known = inPackage.union(stored)
        for link in links where !known.contains(link.locationID) {
            check.issue(link.row, plan.services[link.serviceIndex].id.uuidString.lowercased(), "import.issue.unknown_location", link.locationID.uuidString.lowercased())
        }
    }

    /// An id already used by another tenant cannot be taken; the report says
    /// so without saying whose it is.
    private func checkOtherTenants(check: inout ImportChecker) async throws {
        var taken: Set<UUID> = []
        taken.formUnion(try await foreign(MapOrganization.self, check.byTable[MapOrganization.schema]))
        taken.formUnion(try await foreign(Service.self, check.byTable[Service.schema]))
        taken.formUnion(try await foreign(MapLocation.self, check.byTable[MapLocation.schema]))
        taken.formUnion(try await foreign(MapPhone.self, check.byTable[MapPhone.schema]))
        taken.formUnion(try await foreign(MapSchedule.self, check.byTable[MapSchedule.schema]))
        taken.formUnion(try await foreign(MapContact.self, check.byTable[MapContact.schema]))
        taken.formUnion(try await foreign(ServiceAreaRow.self, check.byTable[ServiceAreaRow.schema]))
        taken.formUnion(try await foreign(ServiceAtLocation.self, check.byTable[ServiceAtLocation.schema]))
        for rows in check.byTable.values {
            for (id, row) in rows where taken.contains(id) { check.issue(row, id.uuidString.lowercased(), "import.issue.id_unavailable") }
        }
    }

    private func foreign<M: TenantOwned>(_ type: M.Type, _ rows: [(UUID, String)]?) async throws -> Set<UUID> {
        guard let rows, !rows.isEmpty else { return [] }
        var found: Set<UUID> = []
        // In chunks, so a large package never makes an overlong IN list.
        for start in stride(from: 0, to: rows.count, by: 500) {
            let ids = rows[start..<min(start + 500, rows.count)].map(\.0)
            let hits = try await M.query(on: db).filter(\._$id ~~ ids).filter(M.tenantKey != tenantID).all()
            found.formUnion(hits.compactMap(\.id))
        }
        return found
    }
}
