import Domain
import Fluent
import Foundation

extension HSDSTabular {
    /// Imports CSV files named like the HSDS tables (organizations.csv, services.csv, …).
    /// A row whose parent is not in the files is an issue; then the package goes
    /// through the same checks and the same transaction as a JSON import.
    static func importCSV(_ files: [String: Data], tenantID: UUID, on db: any Database) async throws -> ImportReport {
        var report = ImportReport()
        var tables: [String: [[String: String]]] = [:]
        for (name, data) in files {
            let base = String(name.split(separator: "/").last ?? "").lowercased()
            guard self.tables.contains(base) else { report.fatalKey = "import.unknown_table"; report.fatalArgument = String(base.prefix(60)); return report }
            guard let text = String(data: data, encoding: .utf8), let rows = CSV.read(text) else {
                report.fatalKey = "import.bad_csv"; report.fatalArgument = base; return report
            }
            tables[base] = rows
        }
        guard tables["organizations.csv"] != nil else { report.fatalKey = "import.missing_table"; report.fatalArgument = "organizations.csv"; return report }
        let (package, orphans) = assemble(tables)
        // With rows missing their parent, the rest is still checked but nothing is written.
        report = try await HSDSImport.run(package, tenantID: tenantID, on: db, write: orphans.isEmpty)
        report.issues = orphans + report.issues
        return report
    }

    static func assemble(_ t: [String: [[String: String]]]) -> ([HSDS.Organization], [ImportReport.Issue]) {
        var orphans: [ImportReport.Issue] = []
        func rows(_ table: String) -> [(Int, [String: String])] { (t[table] ?? []).enumerated().map { ($0 + 2, $1) } }
        func orphan(_ table: String, _ line: Int, _ row: [String: String], _ parent: String) {
            orphans.append(.init(row: "\(table):\(line)", id: row["id"], messageKey: "import.issue.unknown_parent", argument: parent))
        }
        let organizationIDs = Set(rows("organizations.csv").compactMap { $0.1["id"] })
        let locationIDs = Set(rows("locations.csv").compactMap { $0.1["id"] })
        let serviceIDs = Set(rows("services.csv").compactMap { $0.1["id"] })
        func children<T>(_ table: String, key: String, known: Set<String>, _ make: ([String: String]) -> T) -> [String: [T]] {
            var result: [String: [T]] = [:]
            for (line, row) in rows(table) {
                guard let parent = row[key], known.contains(parent) else { orphan(table, line, row, key); continue }
                result[parent, default: []].append(make(row))
            }
            return result
        }
        let addresses = children("addresses.csv", key: "location_id", known: locationIDs) {
            HSDS.Address(id: $0["id"], location_id: $0["location_id"], address_1: $0["address_1"], city: $0["city"], state_province: $0["state_province"],
                         postal_code: $0["postal_code"], country: $0["country"], address_type: $0["address_type"])
        }
        var phonesByOrganization: [String: [HSDS.Phone]] = [:], phonesByLocation: [String: [HSDS.Phone]] = [:], phonesByService: [String: [HSDS.Phone]] = [:]
        for (line, row) in rows("phones.csv") {
            let phone = HSDS.Phone(id: row["id"], organization_id: row["organization_id"], service_id: row["service_id"], location_id: row["location_id"], number: row["number"], description: row["description"])
            if let id = row["service_id"], serviceIDs.contains(id) { phonesByService[id, default: []].append(phone) }
            else if let id = row["location_id"], locationIDs.contains(id) { phonesByLocation[id, default: []].append(phone) }
            else if let id = row["organization_id"], organizationIDs.contains(id) { phonesByOrganization[id, default: []].append(phone) }
            else { orphan("phones.csv", line, row, "service_id") }
        }
        var schedulesByLocation: [String: [HSDS.Schedule]] = [:], schedulesByService: [String: [HSDS.Schedule]] = [:]
        for (line, row) in rows("schedules.csv") {
            let schedule = HSDS.Schedule(id: row["id"], service_id: row["service_id"], location_id: row["location_id"], freq: row["freq"], wkst: row["wkst"],
                                         byday: row["byday"], opens_at: row["opens_at"], closes_at: row["closes_at"], description: row["description"])
            if let id = row["service_id"], serviceIDs.contains(id) { schedulesByService[id, default: []].append(schedule) }
            else if let id = row["location_id"], locationIDs.contains(id) { schedulesByLocation[id, default: []].append(schedule) }
            else { orphan("schedules.csv", line, row, "service_id") }
        }
        var attributesByLink: [String: [HSDS.Attribute]] = [:]
        for (line, row) in rows("attributes.csv") {
            guard let link = row["link_id"], serviceIDs.contains(link) || organizationIDs.contains(link) else { orphan("attributes.csv", line, row, "link_id"); continue }
            attributesByLink[link, default: []].append(HSDS.Attribute(id: row["id"], link_id: link, taxonomy_term_id: row["taxonomy_term_id"], link_type: row["link_type"], link_entity: row["link_entity"], value: row["value"]))
        }
        let links = children("service_at_locations.csv", key: "service_id", known: serviceIDs) { HSDS.ServiceAtLocation(id: $0["id"], service_id: $0["service_id"], location_id: $0["location_id"]) }
        let areas = children("service_areas.csv", key: "service_id", known: serviceIDs) { HSDS.ServiceArea(id: $0["id"], service_id: $0["service_id"], name: $0["name"], extent: $0["extent"], extent_type: $0["extent_type"]) }
        let languages = children("languages.csv", key: "service_id", known: serviceIDs) { HSDS.Language(id: $0["id"], service_id: $0["service_id"], name: $0["name"], code: $0["code"]) }
        let contacts = children("contacts.csv", key: "service_id", known: serviceIDs) { HSDS.Contact(id: $0["id"], service_id: $0["service_id"], name: $0["name"], title: $0["title"], email: $0["email"]) }
        let locations = children("locations.csv", key: "organization_id", known: organizationIDs) { row -> HSDS.Location in
            let id = row["id"] ?? ""
            return HSDS.Location(id: row["id"], location_type: row["location_type"], organization_id: row["organization_id"], name: row["name"], description: row["description"],
                                 addresses: addresses[id], phones: phonesByLocation[id], schedules: schedulesByLocation[id])
        }
        let services = children("services.csv", key: "organization_id", known: organizationIDs) { row -> HSDS.Service in
            let id = row["id"] ?? ""
            var service = HSDS.Service(id: row["id"], organization_id: row["organization_id"], name: row["name"], description: row["description"], url: row["url"], email: row["email"],
                                       status: row["status"], fees_description: row["fees_description"], wait_time: row["wait_time"], eligibility_description: row["eligibility_description"])
            service.phones = phonesByService[id]; service.schedules = schedulesByService[id]; service.service_areas = areas[id]
            service.service_at_locations = links[id]; service.languages = languages[id]; service.contacts = contacts[id]; service.attributes = attributesByLink[id]
            return service
        }
        let organizations = rows("organizations.csv").map { _, row -> HSDS.Organization in
            let id = row["id"] ?? ""
            return HSDS.Organization(id: row["id"], name: row["name"], description: row["description"] ?? "", email: row["email"], website: row["website"],
                                     phones: phonesByOrganization[id], locations: locations[id], attributes: attributesByLink[id], services: services[id])
        }
        return (organizations, orphans)
    }
}
