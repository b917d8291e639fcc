import Domain
import Vapor

/// The service form's view model: its fields built from what was typed (or
/// stored) and what was refused, in the groups the template draws.
struct ServiceFormPage: Encodable {
    struct Conflict: Encodable { let name: String; let capacity: String; let status: String }
    /// Boxes that each send their own name (`domain_finances`…), under one legend.
    struct Boxes: Encodable { let legend: Legend; let boxes: [FormField] }

    let form: FormPage.Form
    let provider: FormField, name: FormField, description: FormField, status: FormField
    let capacity: ChoiceGroup, expectedWait: FormField
    let acceptsReferrals: FormField, responseDays: FormField
    let domains: Boxes, groups: Boxes
    let eligibility: FormField, fees: FormField
    let languages: Boxes
    let areas: FormField
    /// The weekly hours: one field a day, all described by the one hint under their legend.
    let hours: [FormField]
    let locations: Boxes?
    let phones: FormField, email: FormField, url: FormField
    let errors: FormErrors
    let conflict: Conflict?

    init(_ req: Request, action: String, isNew: Bool, form: ServiceForm, providers: [MapOrganization], locations: [MapLocation],
         errors: FormErrors = .none, conflict: Conflict? = nil, cancelHref: String) {
        let f = form.fields
        var fields = FieldBuilder(req, errors: errors)
        /// Boxes carry no message of their own: the group's sits under its legend.
        var boxes = FieldBuilder(req)
        func box(_ name: String, _ label: String) -> FormField {
            boxes.field(name, .checkbox, labelText: label, checked: f[name] == "on")
        }
        provider = fields.field("map_organization_id", .select, label: "socialmap.provider", options: providers.map {
            Option(value: $0.id?.uuidString ?? "", label: $0.name, selected: $0.id?.uuidString == f["map_organization_id"])
        }, choose: true, required: true)
        name = fields.field("name", label: "socialmap.name", value: f["name"], maxLength: 120, required: true)
        description = fields.field("description", .textarea, label: "socialmap.description", value: f["description"], rows: 5, required: true)
        status = fields.field("status", .select, label: "socialmap.status", options: ServiceStatus.allCases.map {
            Option(value: $0.rawValue, label: req.t("socialmap.status.\($0.rawValue.replacingOccurrences(of: " ", with: "_"))"), selected: $0.rawValue == (f["status"] ?? "active"))
        })
        capacity = fields.choices("capacity", name: "capacity", legend: "socialmap.capacity", options: ServiceCapacity.allCases.map {
            Option(value: $0.rawValue, label: req.t("socialmap.capacity_option.\($0.rawValue)"), selected: $0.rawValue == f["capacity"])
        }, radio: true)
        expectedWait = fields.field("expected_wait_weeks", label: "socialmap.expected_wait", hint: "socialmap.expected_wait_hint",
                                    value: f["expected_wait_weeks"], maxLength: 4, inputMode: "numeric")
        acceptsReferrals = fields.field("accepts_referrals", .checkbox, label: "socialmap.accepts_referrals", checked: f["accepts_referrals"] == "on")
        responseDays = fields.field("response_days", label: "socialmap.response_days", value: f["response_days"], maxLength: 4, inputMode: "numeric")
        domains = Boxes(legend: fields.legend("domain_\(LifeDomain.allCases[0].rawValue)", "socialmap.life_domains"),
                        boxes: LifeDomain.allCases.map { box("domain_\($0.rawValue)", req.domainName($0)) })
        groups = Boxes(legend: fields.legend("group_\(TargetGroup.allCases[0].rawValue)", "socialmap.target_groups"),
                       boxes: TargetGroup.allCases.map { box("group_\($0.rawValue)", req.groupName($0)) })
        eligibility = fields.field("eligibility", .textarea, label: "socialmap.eligibility", value: f["eligibility"], rows: 3)
        fees = fields.field("fees", .textarea, label: "socialmap.fees", value: f["fees"], rows: 2)
        let ticked = MapFieldRules.tickedLanguages(in: f)
        languages = Boxes(
            legend: fields.legend("language_\(MapFieldRules.knownLanguages[0])", "socialmap.languages"),
            boxes: (MapFieldRules.knownLanguages + ticked.filter { !MapFieldRules.knownLanguages.contains($0) }).map {
                box("language_\($0)", req.languageNames([$0]))
            }
        )
        areas = fields.field("areas", label: "socialmap.areas", hint: "socialmap.areas_hint", value: f["areas"], maxLength: 2000)
        hours = Weekday.allCases.map { day in
            fields.field("hours_\(day.rawValue)", labelText: req.weekdayName(day), sharedHint: "hours-hint", value: f["hours_\(day.rawValue)"], maxLength: 100)
        }
        let places = locations.compactMap { location in
            location.id.map { box("location_\($0.uuidString)", "\(location.name) (\(location.address1), \(location.city))") }
        }
        self.locations = places.isEmpty ? nil : Boxes(legend: fields.legend(places[0].id, "socialmap.locations"), boxes: places)
        phones = fields.field("phones", label: "socialmap.phones", value: f["phones"], maxLength: 200)
        email = fields.field("email", label: "socialmap.email", value: f["email"], maxLength: 200)
        url = fields.field("url", label: "socialmap.website", value: f["url"], maxLength: 300)
        self.form = FormPage.Form(action: action, parts: [], submit: req.t("form.save"), cancelHref: cancelHref,
                                  hidden: [.init(name: "version", value: String(form.version))])
        // A conflict is about the whole form, not one field: its line is not named.
        self.errors = conflict == nil ? fields.namedErrors : errors
        self.conflict = conflict
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
