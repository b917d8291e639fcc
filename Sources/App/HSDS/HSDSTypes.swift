import Foundation

/// The HSDS 3.0 objects Samenspel reads and writes: the wire format of the
/// `/hsds` API, the export and the import. Every field is optional so an
/// import can say which required field is missing instead of failing to
/// decode; absent values are left out of the JSON.
enum HSDS {
    struct Organization: Codable, Sendable {
        var id: String?
        var name: String?
        var description: String?
        var email: String?
        var website: String?
        var phones: [Phone]?
        var contacts: [Contact]?
        var locations: [Location]?
        var attributes: [Attribute]?
        /// Only in data packages (organization_package): the provider's services.
        var services: [Service]?
    }

    struct Service: Codable, Sendable {
        var id: String?
        var organization_id: String?
        var name: String?
        var description: String?
        var url: String?
        var email: String?
        var status: String?
        var fees_description: String?
        var wait_time: String?
        var eligibility_description: String?
        var last_modified: String?
        var phones: [Phone]?
        var schedules: [Schedule]?
        var service_areas: [ServiceArea]?
        var service_at_locations: [ServiceAtLocation]?
        var languages: [Language]?
        var organization: Organization?
        var contacts: [Contact]?
        var attributes: [Attribute]?
    }

    struct Location: Codable, Sendable {
        var id: String?
        var location_type: String?
        var organization_id: String?
        var name: String?
        var description: String?
        var addresses: [Address]?
        var phones: [Phone]?
        var schedules: [Schedule]?
    }

    struct Address: Codable, Sendable {
        var id: String?
        var location_id: String?
        var address_1: String?
        var city: String?
        var state_province: String?
        var postal_code: String?
        var country: String?
        var address_type: String?
    }

    struct ServiceAtLocation: Codable, Sendable {
        var id: String?
        var service_id: String?
        var location_id: String?
        var location: Location?
        var service: Service?
    }

    struct Phone: Codable, Sendable {
        var id: String?
        var organization_id: String?
        var service_id: String?
        var location_id: String?
        var number: String?
        var description: String?
    }

    struct Schedule: Codable, Sendable {
        var id: String?
        var service_id: String?
        var location_id: String?
        var freq: String?
        var wkst: String?
        var byday: String?
        var opens_at: String?
        var closes_at: String?
        var timezone: Double?
        var description: String?
    }

    struct Contact: Codable, Sendable {
        var id: String?
        var organization_id: String?
        var service_id: String?
        var name: String?
        var title: String?
        var email: String?
        var phones: [Phone]?
    }

    struct ServiceArea: Codable, Sendable {
        var id: String?
        var service_id: String?
        var name: String?
        var extent: String?
        var extent_type: String?
    }

    struct Language: Codable, Sendable {
        var id: String?
        var service_id: String?
        var name: String?
        var code: String?
    }

    struct Attribute: Codable, Sendable {
        var id: String?
        var link_id: String?
        var taxonomy_term_id: String?
        var link_type: String?
        var link_entity: String?
        var value: String?
        var taxonomy_term: TaxonomyTerm?
    }

    struct Taxonomy: Codable, Sendable {
        var id: String
        var name: String
        var description: String
        var version: String?
    }

    struct TaxonomyTerm: Codable, Sendable {
        var id: String?
        var code: String?
        var name: String?
        var description: String?
        var taxonomy: String?
        var taxonomy_id: String?
        var language: String?
        var taxonomy_detail: Taxonomy?
    }

    /// The HSDS API's pagination object around a page of results.
    struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
        let total_items: Int
        let total_pages: Int
        let page_number: Int
        let size: Int
        let first_page: Bool
        let last_page: Bool
        let empty: Bool
        let contents: [Item]

        init(contents: [Item], total: Int, page: Int, perPage: Int) {
            self.contents = contents
            total_items = total
            total_pages = max(1, (total + perPage - 1) / perPage)
            page_number = page
            size = contents.count
            first_page = page == 1
            last_page = page >= total_pages
            empty = total == 0
        }

        init(all: [Item], page: Int, perPage: Int) {
            self.init(contents: Self.slice(all, page: page, perPage: perPage), total: all.count, page: page, perPage: perPage)
        }

        static func slice<T>(_ all: [T], page: Int, perPage: Int) -> [T] {
            let start = min((page - 1) * perPage, all.count)
            return Array(all[start..<min(start + perPage, all.count)])
        }
    }

    struct Info: Encodable, Sendable {
        let version: String
        let profile: String
        let openapi_url: String
    }
}
