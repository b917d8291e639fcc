import Domain
import Fluent
import Foundation

/// The HSDS tabular format (one CSV file per table, as in an HSDS data
/// package): written from and read into the same organization package the
/// JSON import and export use, so both formats follow one set of rules.
enum HSDSTabular {
    static let columns: [(String, [String])] = [
        ("organizations.csv", ["id", "name", "description", "email", "website"]),
        ("locations.csv", ["id", "organization_id", "location_type", "name", "description"]),
        ("addresses.csv", ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country", "address_type"]),
        ("services.csv", ["id", "organization_id", "name", "description", "url", "email", "status", "fees_description", "eligibility_description", "wait_time"]),
        ("service_at_locations.csv", ["id", "service_id", "location_id"]),
        ("phones.csv", ["id", "organization_id", "service_id", "location_id", "number", "description"]),
        ("schedules.csv", ["id", "service_id", "location_id", "freq", "wkst", "byday", "opens_at", "closes_at", "description"]),
        ("service_areas.csv", ["id", "service_id", "name", "extent", "extent_type"]),
        ("languages.csv", ["id", "service_id", "name", "code"]),
        ("attributes.csv", ["id", "link_id", "link_entity", "link_type", "taxonomy_term_id", "value"]),
        ("contacts.csv", ["id", "service_id", "name", "title", "email"]),
    ]
    static var tables: [String] { columns.map(\.0) }

    static func csv(_ table: String, of package: [HSDS.Organization]) -> String {
        let header = columns.first { $0.0 == table }?.1 ?? []
        return CSV.write(header: header, rows: rows(table, package).map { row in header.map { (row[$0] ?? nil) ?? "" } })
    }

    private static func rows(_ table: String, _ package: [HSDS.Organization]) -> [[String: String?]] {
        let services = package.flatMap { $0.services ?? [] }
        let locations = package.flatMap { $0.locations ?? [] }
        switch table {
        case "organizations.csv": return package.map { ["id": $0.id, "name": $0.name, "description": $0.description, "email": $0.email, "website": $0.website] }
        case "locations.csv": return locations.map { ["id": $0.id, "organization_id": $0.organization_id, "location_type": $0.location_type, "name": $0.name, "description": $0.description] }
        case "addresses.csv":
            return locations.flatMap { $0.addresses ?? [] }.map {
                ["id": $0.id, "location_id": $0.location_id, "address_1": $0.address_1, "city": $0.city, "state_province": $0.state_province,
                 "postal_code": $0.postal_code, "country": $0.country, "address_type": $0.address_type]
            }
        case "services.csv":
            return services.map {
                ["id": $0.id, "organization_id": $0.organization_id, "name": $0.name, "description": $0.description, "url": $0.url, "email": $0.email,
                 "status": $0.status, "fees_description": $0.fees_description, "eligibility_description": $0.eligibility_description, "wait_time": $0.wait_time]
            }
        case "service_at_locations.csv": return services.flatMap { $0.service_at_locations ?? [] }.map { ["id": $0.id, "service_id": $0.service_id, "location_id": $0.location_id] }
        case "phones.csv":
            let all = package.flatMap { o in (o.phones ?? []).map { p -> HSDS.Phone in var p = p; p.organization_id = o.id; return p } }
                + locations.flatMap { $0.phones ?? [] } + services.flatMap { $0.phones ?? [] }
            return all.map { ["id": $0.id, "organization_id": $0.organization_id, "service_id": $0.service_id, "location_id": $0.location_id, "number": $0.number, "description": $0.description] }
        case "schedules.csv":
            return (locations.flatMap { $0.schedules ?? [] } + services.flatMap { $0.schedules ?? [] }).map {
                ["id": $0.id, "service_id": $0.service_id, "location_id": $0.location_id, "freq": $0.freq, "wkst": $0.wkst, "byday": $0.byday,
                 "opens_at": $0.opens_at, "closes_at": $0.closes_at, "description": $0.description]
            }
        case "service_areas.csv": return services.flatMap { $0.service_areas ?? [] }.map { ["id": $0.id, "service_id": $0.service_id, "name": $0.name, "extent": $0.extent, "extent_type": $0.extent_type] }
        case "languages.csv": return services.flatMap { $0.languages ?? [] }.map { ["id": $0.id, "service_id": $0.service_id, "name": $0.name, "code": $0.code] }
        case "attributes.csv":
            return (package.flatMap { $0.attributes ?? [] } + services.flatMap { $0.attributes ?? [] }).map {
                ["id": $0.id, "link_id": $0.link_id, "link_entity": $0.link_entity, "link_type": $0.link_type, "taxonomy_term_id": $0.taxonomy_term_id, "value": $0.value]
            }
        case "contacts.csv": return services.flatMap { $0.contacts ?? [] }.map { ["id": $0.id, "service_id": $0.service_id, "name": $0.name, "title": $0.title, "email": $0.email] }
        default: return []
        }
    }
}
