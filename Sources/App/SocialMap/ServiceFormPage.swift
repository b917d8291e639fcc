import Domain
import Vapor

/// The service form's view model: what was typed (or stored), the choices,
/// and per-field errors.
struct ServiceFormPage: Encodable {
    struct Check: Encodable { let name: String; let label: String; let checked: Bool }
    struct HoursField: Encodable { let name: String; let label: String; let value: String; let error: String? }
    struct Conflict: Encodable { let name: String; let capacity: String; let status: String }

    let action: String
    let isNew: Bool
    let providers: [Option]
    let name: String
    let description: String
    let url: String
    let email: String
    let phones: String
    let statuses: [Option]
    let eligibility: String
    let fees: String
    let languages: [Check]
    let capacities: [Check]
    let capacity: String
    let expectedWait: String
    let acceptsReferrals: Bool
    let responseDays: String
    let domains: [Check]
    let groups: [Check]
    let areas: String
    let hours: [HoursField]
    let locations: [Check]
    let version: Int
    let errors: FormErrors
    let conflict: Conflict?
    let cancelHref: String

    init(_ req: Request, action: String, isNew: Bool, form: ServiceForm, providers: [MapOrganization], locations: [MapLocation],
         errors: FormErrors = .none, conflict: Conflict? = nil, cancelHref: String) {
        let f = form.fields
        self.action = action
        self.isNew = isNew
        self.providers = providers.map { Option(value: $0.id?.uuidString ?? "", label: $0.name, selected: $0.id?.uuidString == f["map_organization_id"]) }
        name = f["name"] ?? ""
        description = f["description"] ?? ""
        url = f["url"] ?? ""
        email = f["email"] ?? ""
        phones = f["phones"] ?? ""
        statuses = ServiceStatus.allCases.map {
            Option(value: $0.rawValue, label: req.t("socialmap.status.\($0.rawValue.replacingOccurrences(of: " ", with: "_"))"), selected: $0.rawValue == (f["status"] ?? "active"))
        }
        eligibility = f["eligibility"] ?? ""
        fees = f["fees"] ?? ""
        let ticked = MapFieldRules.tickedLanguages(in: f)
        languages = (MapFieldRules.knownLanguages + ticked.filter { !MapFieldRules.knownLanguages.contains($0) }).map {
            Check(name: "language_\($0)", label: req.languageNames([$0]), checked: ticked.contains($0))
        }
        capacity = f["capacity"] ?? ""
        capacities = ServiceCapacity.allCases.map {
            Check(name: $0.rawValue, label: req.t("socialmap.capacity_option.\($0.rawValue)"), checked: $0.rawValue == f["capacity"])
        }
        expectedWait = f["expected_wait_weeks"] ?? ""
        acceptsReferrals = f["accepts_referrals"] == "on"
        responseDays = f["response_days"] ?? ""
        domains = LifeDomain.allCases.map { Check(name: "domain_\($0.rawValue)", label: req.domainName($0), checked: f["domain_\($0.rawValue)"] == "on") }
        groups = TargetGroup.allCases.map { Check(name: "group_\($0.rawValue)", label: req.groupName($0), checked: f["group_\($0.rawValue)"] == "on") }
        areas = f["areas"] ?? ""
        hours = Weekday.allCases.map {
            HoursField(name: "hours_\($0.rawValue)", label: req.weekdayName($0), value: f["hours_\($0.rawValue)"] ?? "", error: errors.fields["hours_\($0.rawValue)"])
        }
        self.locations = locations.compactMap { location in
            guard let id = location.id else { return nil }
            return Check(name: "location_\(id.uuidString)", label: "\(location.name) (\(location.address1), \(location.city))", checked: f["location_\(id.uuidString)"] == "on")
        }
        version = form.version
        self.errors = errors
        self.conflict = conflict
        self.cancelHref = cancelHref
    }

    /// The stored service as form fields.
    static func fields(of record: ServiceRecord) -> [String: String] {
        let s = record.service
        var f: [String: String] = [
            "map_organization_id": s.mapOrganizationID.uuidString, "name": s.name, "description": s.description,
            "url": s.url ?? "", "email": s.email ?? "", "phones": record.phones.map(\.number).joined(separator: ", "),
            "status": s.status, "eligibility": s.eligibilityDescription, "fees": s.feesDescription,
            "capacity": s.capacity,
            "expected_wait_weeks": s.expectedWaitWeeks.map(String.init) ?? "", "response_days": String(s.responseDays),
            "areas": record.areas.map(\.extent).joined(separator: ", "), "version": String(s.version),
        ]
        if s.acceptsReferrals { f["accepts_referrals"] = "on" }
        for code in s.languageCodes { f["language_\(code)"] = "on" }
        for term in record.terms { f[term.taxonomy == .lifeDomains ? "domain_\(term.code)" : "group_\(term.code)"] = "on" }
        for day in Weekday.allCases {
            f["hours_\(day.rawValue)"] = record.schedules.filter { $0.weekday == day.rawValue }.map { "\($0.opensAt)-\($0.closesAt)" }.joined(separator: ", ")
        }
        for place in record.places { f["location_\(place.location.id!.uuidString)"] = "on" }
        return f
    }
}
