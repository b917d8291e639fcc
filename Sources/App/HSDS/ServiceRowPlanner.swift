import Domain
import Foundation

/// One service row of a package: its fields, taxonomy terms, Samenspel's own
/// attributes, areas, hours, phones, contacts and locations.
enum ServiceRowPlanner {
    typealias Ext = HSDSMapping.Extension

    static func plan(_ service: HSDS.Service, row: String, providerID: UUID, check: inout ImportChecker) -> (ImportPlan.Service, [UUID])? {
        guard let id = check.id(service.id, row: row, table: Service.schema) else { return nil }
        let label = id.uuidString.lowercased()
        let before = check.issues.count
        if let organizationID = service.organization_id, UUID(uuidString: organizationID) != providerID {
            check.issue(row, label, "import.issue.organization_mismatch")
        }
        let name = check.text(service.name, row: row, id: id, field: "name", required: true, maxLength: 120)
        let description = check.text(service.description, row: row, id: id, field: "description", maxLength: 4000, lines: true) ?? ""
        let status = service.status.flatMap(ServiceStatus.init(rawValue:))
        if status == nil { check.issue(row, label, service.status == nil ? "import.issue.missing_field" : "import.issue.invalid_value", "status") }
        let url = check.checked(service.url, row: row, id: id, field: "url", MapFieldRules.isWebURL)
        let email = check.checked(service.email, row: row, id: id, field: "email", maxLength: 200, ContactDetails.isEmail)
        let eligibility = check.text(service.eligibility_description, row: row, id: id, field: "eligibility_description", maxLength: 4000, lines: true) ?? ""
        let fees = check.text(service.fees_description, row: row, id: id, field: "fees_description", maxLength: 4000, lines: true) ?? ""

        var languages: [String] = []
        for language in service.languages ?? [] {
            guard let code = language.code?.lowercased(), (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                check.issue(row, label, "import.issue.invalid_value", "languages"); continue
            }
            if !languages.contains(code) { languages.append(code) }
        }

        var termIDs: [UUID] = []
        var extensions: [Ext: String] = [:]
        for attribute in service.attributes ?? [] {
            if let raw = attribute.taxonomy_term_id {
                guard let termID = UUID(uuidString: raw), MapTaxonomy.term(id: termID) != nil else {
                    check.issue(row, label, "import.issue.unknown_term", String(raw.prefix(40))); continue
                }
                if !termIDs.contains(termID) { termIDs.append(termID) }
            } else if let kind = attribute.link_type.flatMap(Ext.init(rawValue:)) {
                extensions[kind] = attribute.value ?? ""
            }
        }
        let capacity: ServiceCapacity? = extensions[.capacity].map { ServiceCapacity(rawValue: $0) } ?? .available
        if capacity == nil { check.issue(row, label, "import.issue.invalid_value", Ext.capacity.rawValue) }
        let wait = number(extensions[.expectedWaitWeeks], 0...104, Ext.expectedWaitWeeks, row: row, label: label, check: &check)
        let responseDays = number(extensions[.responseDays], 1...60, Ext.responseDays, row: row, label: label, check: &check) ?? 5
        let accepts = extensions[.acceptsReferrals].map { $0 == "true" } ?? true

        var areas: [ImportPlan.Area] = []
        for (index, area) in (service.service_areas ?? []).enumerated() {
            let here = "\(row).service_areas[\(index)]"
            guard let areaID = check.id(area.id, row: here, table: ServiceAreaRow.schema) else { continue }
            let type = area.extent_type ?? (area.extent.flatMap(AreaCode.init)?.type ?? "")
            guard let code = area.extent.flatMap({ AreaCode(type: type, extent: $0) }) else {
                check.issue(here, areaID.uuidString.lowercased(), "import.issue.invalid_value", "extent"); continue
            }
            if areas.contains(where: { $0.code == code }) { continue }
            areas.append(.init(id: areaID, code: code, name: check.text(area.name, row: here, id: areaID, field: "name") ?? ""))
        }
        let schedules = check.schedules(service.schedules, row: row)
        let phones = check.phones(service.phones, row: row)
        var contacts: [ImportPlan.Contact] = []
        for (index, contact) in (service.contacts ?? []).enumerated() {
            let here = "\(row).contacts[\(index)]"
            guard let contactID = check.id(contact.id, row: here, table: MapContact.schema) else { continue }
            let contactName = check.text(contact.name, row: here, id: contactID, field: "name", required: true, maxLength: 120)
            let contactEmail = check.checked(contact.email, row: here, id: contactID, field: "email", maxLength: 200, ContactDetails.isEmail)
            let contactPhone = check.checked(contact.phones?.first?.number, row: here, id: contactID, field: "phones", maxLength: 30, ContactDetails.isPhone)
            if let contactName {
                contacts.append(.init(id: contactID, name: contactName, title: check.text(contact.title, row: here, id: contactID, field: "title") ?? "", email: contactEmail, phone: contactPhone))
            }
        }
        var links: [ImportPlan.Link] = []
        for (index, link) in (service.service_at_locations ?? []).enumerated() {
            let here = "\(row).service_at_locations[\(index)]"
            guard let linkID = check.id(link.id, row: here, table: ServiceAtLocation.schema) else { continue }
            guard let locationID = (link.location_id ?? link.location?.id).flatMap(UUID.init(uuidString:)) else {
                check.issue(here, linkID.uuidString.lowercased(), "import.issue.missing_field", "location_id"); continue
            }
            if links.contains(where: { $0.locationID == locationID }) { check.issue(here, linkID.uuidString.lowercased(), "import.issue.duplicate_location"); continue }
            links.append(.init(id: linkID, locationID: locationID))
        }
        guard check.issues.count == before, let name, let status, let capacity else { return nil }
        let planned = ImportPlan.Service(
            id: id, providerID: providerID, name: name, description: description, url: url, email: email, status: status,
            eligibility: eligibility, fees: fees, languages: languages.isEmpty ? ["nl"] : languages, capacity: capacity,
            expectedWaitWeeks: capacity == .waitingList ? wait : nil, acceptsReferrals: accepts, responseDays: responseDays,
            termIDs: termIDs, areas: areas, schedules: schedules, phones: phones, contacts: contacts, links: links
        )
        return (planned, links.map(\.locationID))
    }

    private static func number(_ raw: String?, _ range: ClosedRange<Int>, _ kind: Ext, row: String, label: String, check: inout ImportChecker) -> Int? {
        guard let raw else { return nil }
        guard let value = Int(raw), range.contains(value) else { check.issue(row, label, "import.issue.invalid_value", kind.rawValue); return nil }
        return value
    }
}
