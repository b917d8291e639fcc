import Domain
import Vapor

/// A service's page: what it offers, for whom, where and when, and whether
/// it can take someone now.
struct ServiceDetailPage: Encodable {
    struct Hours: Encodable { let day: String; let times: String }
    struct Place: Encodable { let name: String; let address: String; let phones: [String]; let hours: [Hours] }
    struct Contact: Encodable { let name: String; let title: String; let email: String; let phone: String }

    let name: String
    let organization: String
    let informal: Bool
    let description: String
    let status: String
    let isActive: Bool
    let eligibility: String
    let fees: String
    let languages: String
    let capacity: String
    let capacityClass: String
    let acceptsReferrals: Bool
    let responseDays: String
    let domains: [String]
    let groups: [String]
    let areas: [String]
    let hours: [Hours]
    let openNow: Bool
    let phones: [String]
    let url: String
    let email: String
    let places: [Place]
    let contacts: [Contact]
    let backHref: String
    let editHref: String?
    /// When the service is also a participation offer (issue 24): its terms, and where its editors change them.
    var offer: OfferSummary? = nil
    var offerHref: String? = nil
    /// For the offering organisation's professionals: who signed up.
    var candidatesHref: String? = nil

    init(_ record: ServiceRecord, req: Request, backHref: String, editHref: String?, now: Date = Date()) {
        let service = record.service
        name = service.name
        organization = record.organization.name
        informal = record.organization.informal
        description = service.description
        status = req.t("socialmap.status.\(service.status.replacingOccurrences(of: " ", with: "_"))")
        isActive = service.isActive
        eligibility = service.eligibilityDescription
        fees = service.feesDescription
        languages = req.languageNames(service.languageCodes)
        capacity = req.capacityText(service.serviceCapacity, wait: service.expectedWaitWeeks)
        capacityClass = service.capacity.replacingOccurrences(of: "_", with: "-")
        acceptsReferrals = service.acceptsReferrals
        responseDays = req.t("socialmap.response_days_value", String(service.responseDays))
        domains = record.lifeDomains.map(req.domainName)
        groups = record.targetGroups.map(req.groupName)
        areas = record.areas.map { req.t("socialmap.area.\($0.extentType)", $0.extent) }
        hours = Self.hours(record.schedules, req: req)
        openNow = record.isOpen(at: now)
        phones = record.phones.map(\.number)
        url = service.url ?? ""
        email = service.email ?? ""
        places = record.places.map { place in
            Place(
                name: place.location.name,
                address: "\(place.location.address1), \(place.location.postalCode) \(place.location.city)",
                phones: place.phones.map(\.number), hours: Self.hours(place.schedules, req: req)
            )
        }
        contacts = record.contacts.map { Contact(name: $0.name, title: $0.title, email: $0.email ?? "", phone: $0.phone ?? "") }
        self.backHref = backHref
        self.editHref = editHref
    }

    /// One row per weekday that has openings: "09:00–12:00, 13:00–17:00".
    static func hours(_ schedules: [MapSchedule], req: Request) -> [Hours] {
        Weekday.allCases.compactMap { day in
            let times = schedules.filter { $0.weekday == day.rawValue }.map { "\($0.opensAt)–\($0.closesAt)" }
            return times.isEmpty ? nil : Hours(day: req.weekdayName(day), times: times.joined(separator: ", "))
        }
    }
}
