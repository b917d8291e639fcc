import Domain
import Foundation
import Vapor

/// What the service form sends (every field a string, checkboxes by name),
/// and its validation. Field names: `domain_<code>`, `group_<code>`,
/// `hours_<MO…SU>` ("09:00-12:00, 13:00-17:00"), `location_<id>`.
struct ServiceForm {
    var fields: [String: String]

    struct Valid {
        let mapOrganizationID: UUID
        let name: String
        let description: String
        let url: String?
        let email: String?
        let phones: [String]
        let status: ServiceStatus
        let eligibility: String
        let fees: String
        let languages: [String]
        let capacity: ServiceCapacity
        let expectedWaitWeeks: Int?
        let acceptsReferrals: Bool
        let responseDays: Int
        let terms: [MapTerm]
        let areas: [AreaCode]
        let openings: [WeeklyOpening]
        let locationIDs: [UUID]
    }

    subscript(_ name: String) -> String? { fields[name] }
    var version: Int { Int(fields["version"] ?? "") ?? 0 }

    func validate(providers: [MapOrganization], locations: [MapLocation]) -> Result<Valid, ValidationFailure> {
        var v = FormValidator()
        let provider = self["map_organization_id"].flatMap(UUID.init(uuidString:)).flatMap { id in providers.first { $0.id == id } }
        if provider == nil { v.add("map_organization_id", "validation.choose_option") }
        let name = v.text("name", self["name"], maxLength: 120)
        let description = v.text("description", self["description"], maxLength: 4000, allowLineBreaks: true)
        let url = MapFieldRules.url(&v, "url", self["url"])
        let email = MapFieldRules.email(&v, "email", self["email"])
        let phones = MapFieldRules.phones(&v, "phones", self["phones"])
        let status = self["status"].flatMap(ServiceStatus.init(rawValue:))
        if status == nil { v.add("status", "validation.choose_option") }
        let eligibility = v.text("eligibility", self["eligibility"], required: false, maxLength: 4000, allowLineBreaks: true) ?? ""
        let fees = v.text("fees", self["fees"], required: false, maxLength: 4000, allowLineBreaks: true) ?? ""
        let languages = MapFieldRules.languages(in: fields)
        let capacity = self["capacity"].flatMap(ServiceCapacity.init(rawValue:))
        if capacity == nil { v.add("capacity", "validation.choose_option") }
        var wait: Int?
        if capacity == .waitingList, let raw = v.text("expected_wait_weeks", self["expected_wait_weeks"], required: false, maxLength: 4) {
            wait = Int(raw).flatMap { (0...104).contains($0) ? $0 : nil }
            if wait == nil { v.add("expected_wait_weeks", "validation.wait_invalid") }
        }
        let responseRaw = v.text("response_days", self["response_days"], maxLength: 4)
        let responseDays = responseRaw.flatMap(Int.init).flatMap { (1...60).contains($0) ? $0 : nil }
        if responseRaw != nil, responseDays == nil { v.add("response_days", "validation.response_days_invalid") }
        let domains = LifeDomain.allCases.filter { self["domain_\($0.rawValue)"] == "on" }
        if domains.isEmpty { v.add("domain_\(LifeDomain.allCases[0].rawValue)", "validation.domains_required") }
        let groups = TargetGroup.allCases.filter { self["group_\($0.rawValue)"] == "on" }
        let (areas, badAreas) = AreaCode.parseList(self["areas"] ?? "")
        if !badAreas.isEmpty || (self["areas"]?.count ?? 0) > 2000 { v.add("areas", "validation.area_invalid") }
        var openings: [WeeklyOpening] = []
        for day in Weekday.allCases {
            guard let parsed = MapFieldRules.hours(self["hours_\(day.rawValue)"] ?? "", day: day) else {
                v.add("hours_\(day.rawValue)", "validation.hours_invalid")
                continue
            }
            openings += parsed
        }
        let locationIDs = locations.filter { $0.mapOrganizationID == provider?.id }.compactMap(\.id)
            .filter { self["location_\($0.uuidString)"] == "on" }
        guard v.isValid, let provider, let providerID = provider.id, let name, let description, let status, let capacity, let responseDays else {
            return .failure(ValidationFailure(issues: v.issues))
        }
        return .success(Valid(
            mapOrganizationID: providerID, name: name, description: description, url: url, email: email, phones: phones,
            status: status, eligibility: eligibility, fees: fees, languages: languages, capacity: capacity,
            expectedWaitWeeks: wait, acceptsReferrals: self["accepts_referrals"] == "on", responseDays: responseDays,
            terms: domains.map(MapTaxonomy.term(for:)) + groups.map { MapTaxonomy.term(for: $0) },
            areas: areas, openings: openings, locationIDs: locationIDs
        ))
    }
}

/// Rules for the social map's fields, shared by the forms and the import.
enum MapFieldRules {
    static func url(_ v: inout FormValidator, _ field: String, _ raw: String?) -> String? {
        guard let text = v.text(field, raw, required: false, maxLength: 300) else { return nil }
        guard isWebURL(text) else { v.add(field, "validation.url_invalid"); return nil }
        return text
    }

    static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, host.contains(".") else { return false }
        return true
    }

    static func email(_ v: inout FormValidator, _ field: String, _ raw: String?) -> String? {
        v.email(field, raw)
    }

    static func phones(_ v: inout FormValidator, _ field: String, _ raw: String?) -> [String] {
        guard let text = v.text(field, raw, required: false, maxLength: 200) else { return [] }
        let numbers = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !numbers.allSatisfy(ContactDetails.isPhone) { v.add(field, "validation.phone_invalid"); return [] }
        return numbers
    }

    /// The languages offered in, most spoken in Dutch municipalities first: a
    /// list to tick, so nobody types ISO codes. A code a service already has
    /// from an import stays offered, so saving the form never drops it.
    static let knownLanguages = ["nl", "en", "ar", "tr", "pl", "uk", "so", "ti", "fa", "pap", "zgh", "fy", "de", "fr", "es"]

    /// The ticked `language_<code>` boxes that name a language code, known languages first.
    static func tickedLanguages(in fields: [String: String]) -> [String] {
        let ticked = fields.compactMap { name, value -> String? in
            guard value == "on", name.hasPrefix("language_") else { return nil }
            let code = String(name.dropFirst("language_".count))
            return (2...3).contains(code.count) && code.allSatisfy({ $0.isASCII && $0.isLowercase }) ? code : nil
        }
        return knownLanguages.filter(ticked.contains) + ticked.filter { !knownLanguages.contains($0) }.sorted()
    }

    /// What a service is saved with: the ticked languages, Dutch when none is ticked.
    static func languages(in fields: [String: String]) -> [String] {
        let ticked = tickedLanguages(in: fields)
        return ticked.isEmpty ? ["nl"] : ticked
    }

    /// "09:00-12:00, 13:00-17:00" (– or - between times); "" is closed; nil when unreadable.
    static func hours(_ text: String, day: Weekday) -> [WeeklyOpening]? {
        var openings: [WeeklyOpening] = []
        for range in text.split(separator: ",") where !range.trimmingCharacters(in: .whitespaces).isEmpty {
            let ends = range.replacingOccurrences(of: "–", with: "-").split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let opens = WeeklyOpening.minutes(ends[0]), let closes = WeeklyOpening.minutes(ends[1]), opens < closes else { return nil }
            openings.append(WeeklyOpening(weekday: day, opensAt: opens, closesAt: closes))
        }
        return openings
    }
}
