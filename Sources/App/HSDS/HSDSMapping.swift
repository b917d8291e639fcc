import Domain
import Foundation

/// Samenspel's social map as HSDS 3.0 objects. Ids of objects Samenspel
/// does not store one-by-one (addresses, languages, attributes) are derived
/// from their owner, so they are the same on every read.
struct HSDSMapping {
    /// Localized names (term names, language names), in the reader's language.
    let text: @Sendable (String) -> String

    /// Samenspel's own service fields, carried as HSDS attributes without a taxonomy term.
    enum Extension: String, CaseIterable {
        case capacity = "samenspel_capacity"
        case expectedWaitWeeks = "samenspel_expected_wait_weeks"
        case acceptsReferrals = "samenspel_accepts_referrals"
        case responseDays = "samenspel_response_days"
        case informal = "samenspel_informal"
        // A participation offer's terms (issue 24): one attribute each, a talent or support one per code.
        case offerKind = "samenspel_offer_kind"
        case ladderRung = "samenspel_ladder_rung"
        case talent = "samenspel_talent"
        case halfDays = "samenspel_half_days"
        case offerPostcode = "samenspel_offer_postcode"
        case support = "samenspel_support"
        case places = "samenspel_places"
        case placesFree = "samenspel_places_free"
    }

    nonisolated(unsafe) static let iso: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()

    func organization(_ provider: MapOrganization, phones: [MapPhone] = [], locations: [HSDS.Location]? = nil, services: [HSDS.Service]? = nil) -> HSDS.Organization {
        let id = provider.id!
        return HSDS.Organization(
            id: id.uuidString.lowercased(), name: provider.name, description: provider.description, email: provider.email, website: provider.website,
            phones: phones.isEmpty ? nil : phones.map { phone($0, organizationID: id) }, contacts: nil, locations: locations,
            attributes: provider.informal ? [extensionAttribute(.informal, "true", owner: id, entity: "organization")] : nil,
            services: services
        )
    }

    /// The brief form (the list's default): the service's own fields and its provider.
    func service(_ s: Service, provider: MapOrganization) -> HSDS.Service {
        var dto = HSDS.Service(
            id: s.id!.uuidString.lowercased(), organization_id: s.mapOrganizationID.uuidString.lowercased(), name: s.name, description: s.description,
            url: s.url, email: s.email, status: s.status, fees_description: s.feesDescription.nilIfEmpty,
            wait_time: s.serviceCapacity == .waitingList ? s.expectedWaitWeeks.map { Localizer.fill(text("hsds.wait_weeks"), [String($0)]) } : nil,
            eligibility_description: s.eligibilityDescription.nilIfEmpty, last_modified: s.updatedAt.map(Self.iso.string(from:))
        )
        dto.organization = organization(provider)
        return dto
    }

    func service(_ record: ServiceRecord, full: Bool) -> HSDS.Service {
        var dto = service(record.service, provider: record.organization)
        guard full else { return dto }
        let s = record.service, id = record.id
        dto.phones = record.phones.map { phone($0, serviceID: id) }
        dto.schedules = record.schedules.map { schedule($0) }
        dto.service_areas = record.areas.map {
            HSDS.ServiceArea(id: $0.id!.uuidString.lowercased(), service_id: id.uuidString.lowercased(), name: $0.name.nilIfEmpty ?? $0.extent, extent: $0.extent, extent_type: $0.extentType)
        }
        dto.languages = s.languageCodes.map { code in
            let key = "language.\(code)", name = text(key)
            return HSDS.Language(id: StableID.make("language", id.uuidString, code).uuidString.lowercased(), service_id: id.uuidString.lowercased(),
                                 name: name == key ? code : name, code: code)
        }
        dto.service_at_locations = record.places.map { serviceAtLocation($0, withService: nil) }
        dto.contacts = record.contacts.map { contact($0) }
        dto.attributes = record.terms.map { termAttribute($0, serviceID: id) } + extensionAttributes(s) + (record.offer.map { offerAttributes($0, serviceID: id) } ?? [])
        return dto
    }

    func serviceAtLocation(_ place: ServiceRecord.Place, withService service: HSDS.Service?) -> HSDS.ServiceAtLocation {
        HSDS.ServiceAtLocation(
            id: place.link.id!.uuidString.lowercased(), service_id: place.link.serviceID.uuidString.lowercased(),
            location_id: place.location.id!.uuidString.lowercased(),
            location: location(place.location, phones: place.phones, schedules: place.schedules), service: service
        )
    }

    func location(_ l: MapLocation, phones: [MapPhone], schedules: [MapSchedule]) -> HSDS.Location {
        let id = l.id!
        return HSDS.Location(
            id: id.uuidString.lowercased(), location_type: "physical", organization_id: l.mapOrganizationID.uuidString.lowercased(),
            name: l.name, description: l.description.nilIfEmpty,
            addresses: [HSDS.Address(
                id: StableID.make("address", id.uuidString).uuidString.lowercased(), location_id: id.uuidString.lowercased(),
                address_1: l.address1, city: l.city, state_province: "", postal_code: l.postalCode, country: "NL", address_type: "physical")],
            phones: phones.map { phone($0, locationID: id) }, schedules: schedules.map { schedule($0) }
        )
    }

    func phone(_ p: MapPhone, organizationID: UUID? = nil, serviceID: UUID? = nil, locationID: UUID? = nil) -> HSDS.Phone {
        HSDS.Phone(id: p.id!.uuidString.lowercased(), organization_id: organizationID?.uuidString.lowercased(), service_id: serviceID?.uuidString.lowercased(),
                   location_id: locationID?.uuidString.lowercased(), number: p.number, description: p.description.nilIfEmpty)
    }

    func schedule(_ s: MapSchedule) -> HSDS.Schedule {
        HSDS.Schedule(id: s.id!.uuidString.lowercased(), service_id: s.serviceID?.uuidString.lowercased(), location_id: s.locationID?.uuidString.lowercased(),
                      freq: "WEEKLY", wkst: "MO", byday: s.weekday, opens_at: s.opensAt, closes_at: s.closesAt, description: s.description.nilIfEmpty)
    }

    func contact(_ c: MapContact) -> HSDS.Contact {
        HSDS.Contact(
            id: c.id!.uuidString.lowercased(), organization_id: c.mapOrganizationID?.uuidString.lowercased(), service_id: c.serviceID?.uuidString.lowercased(),
            name: c.name, title: c.title.nilIfEmpty, email: c.email,
            phones: c.phone.map { [HSDS.Phone(id: StableID.make("contact-phone", c.id!.uuidString).uuidString.lowercased(), number: $0)] }
        )
    }

    func taxonomy(_ t: MapTaxonomy) -> HSDS.Taxonomy {
        HSDS.Taxonomy(id: t.id.uuidString.lowercased(), name: text("taxonomy.\(t.rawValue)"), description: text("taxonomy.\(t.rawValue).description"), version: "1")
    }

    func term(_ term: MapTerm, detail: Bool = false) -> HSDS.TaxonomyTerm {
        HSDS.TaxonomyTerm(
            id: term.id.uuidString.lowercased(), code: term.code, name: text(term.nameKey), description: text(term.nameKey),
            taxonomy: term.taxonomy.rawValue, taxonomy_id: term.taxonomy.id.uuidString.lowercased(), language: text("hsds.language"),
            taxonomy_detail: detail ? taxonomy(term.taxonomy) : nil
        )
    }

    func termAttribute(_ t: MapTerm, serviceID: UUID) -> HSDS.Attribute {
        HSDS.Attribute(id: StableID.make("attribute", serviceID.uuidString, t.id.uuidString).uuidString.lowercased(), link_id: serviceID.uuidString.lowercased(),
                       taxonomy_term_id: t.id.uuidString.lowercased(), link_type: t.taxonomy.rawValue, link_entity: "service", value: t.code, taxonomy_term: term(t))
    }

    func extensionAttributes(_ s: Service) -> [HSDS.Attribute] {
        let id = s.id!
        var values: [(Extension, String)] = [(.capacity, s.capacity), (.acceptsReferrals, s.acceptsReferrals ? "true" : "false"), (.responseDays, String(s.responseDays))]
        if let wait = s.expectedWaitWeeks { values.append((.expectedWaitWeeks, String(wait))) }
        return values.map { extensionAttribute($0.0, $0.1, owner: id, entity: "service") }
    }

    /// What matching reads of an offer, for whoever builds on the map: its kind, rung, talents, half-days (none: by arrangement), place, support and places.
    func offerAttributes(_ offer: ParticipationOffer, serviceID: UUID) -> [HSDS.Attribute] {
        let codes = ParticipationProfile.codes
        var values: [(Extension, String)] = [(.offerKind, offer.kind), (.ladderRung, String(offer.rung))]
        values += codes(offer.talents).map { (.talent, $0) }
        values.append((.halfDays, HalfDays(mask: offer.times).codes))
        values.append((.offerPostcode, offer.postcode))
        values += codes(offer.support).map { (.support, $0) }
        values += [(.places, String(offer.places)), (.placesFree, String(offer.placesFree))]
        return values.map { kind, value in
            // A talent or support code is one of several of its kind: the code keeps its id apart.
            extensionAttribute(kind, value, owner: serviceID, entity: "service", key: kind == .talent || kind == .support ? value : nil)
        }
    }

    func extensionAttribute(_ kind: Extension, _ value: String, owner: UUID, entity: String, key: String? = nil) -> HSDS.Attribute {
        HSDS.Attribute(id: StableID.make("attribute", owner.uuidString, kind.rawValue + (key.map { ":" + $0 } ?? "")).uuidString.lowercased(),
                       link_id: owner.uuidString.lowercased(), link_type: kind.rawValue, link_entity: entity, value: value)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
