import Domain
import Fluent
import Vapor

/// The privacy officer's view of the access log: filter by event (chosen
/// from the list, in words), user, outcome, period, household and resident;
/// newest first, fifty a page.
struct AccessLogController {
    static let pageSize = 50

    struct Filter: Content {
        var event: String?
        var user: String?
        var outcome: String?
        var from: String?
        var to: String?
        var household: String?
        var resident: String?
        var page: Int?
    }

    struct Page: Encodable {
        struct Row: Encodable {
            let time: String; let event: String; let code: String; let outcome: String; let user: String
            let role: String; let basis: String; let object: String; let source: String
            /// The household the entry is about, by name, linking to its entries only.
            let household: String?; let householdHref: String?
            /// The resident the entry names, linking to that person's entries only.
            let resident: String?; let residentHref: String?
        }
        let rows: [Row]
        /// The filters: event, resident, user, outcome and period.
        let form: FormPage.Parts
        let errors: FormErrors
        let pager: Pager
        /// The household the log is filtered on, and the way back to all entries.
        let household: String?; let householdID: String; let allHref: String?
        /// The resident the log is filtered on, and the way back to their whole household.
        let resident: String?; let householdHref: String?
    }

    /// The log narrowed to one household, and optionally one of its residents, one user and a period.
    static func path(household: UUID, user: String? = nil, from: String? = nil, to: String? = nil, resident: UUID? = nil) -> String {
        Pager.link(SiteRoute.accessLog.path(), [("household", household.uuidString), ("resident", resident?.uuidString), ("user", user), ("from", from), ("to", to)])
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.accessLog, use: show)
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let filter = try req.query.decode(Filter.self)
        var validator = FormValidator()
        let from = Self.day(filter.from, field: "from", &validator).flatMap(Day.start(of:))
        let to = Self.day(filter.to, field: "to", &validator).flatMap(Day.end(of:))
        let pageNumber = max(1, min(filter.page ?? 1, 100_000))
        let event = Self.event(filter.event, &validator)
        let chosen = try await Self.resident(filter.resident, household: filter.household.flatMap(UUID.init(uuidString:)), tenantID: actor.tenantID, &validator, on: req.db)
        // A resident chosen on their own brings their household along.
        let householdID = filter.household.flatMap(UUID.init(uuidString:)) ?? chosen?.householdID

        // A filter that could not be read shows nothing, rather than more than was asked for.
        var entries: [AccessLogEntry] = []
        if validator.issues.allSatisfy({ $0.field == "from" || $0.field == "to" }) {
            var query = AccessLogEntry.of(actor.tenantID, on: req.db)
            if let event { query = query.filter(\.$event == event) }
            if let user = filter.user?.trimmingCharacters(in: .whitespaces).lowercased(), !user.isEmpty {
                query = query.filter(\.$userName == String(user.prefix(64)))
            }
            if let outcome = filter.outcome.flatMap(AuditRecord.Outcome.init(rawValue:)) {
                query = query.filter(\.$outcome == outcome.rawValue)
            }
            if let householdID { query = query.filter(\.$subjectID == householdID) }
            if let chosen {
                let objects = try await AccessLogSubjects.objects(of: chosen.id, tenantID: actor.tenantID, on: req.db)
                query = query.group(.or) { or in
                    for object in objects { or.group(.and) { $0.filter(\.$objectType == object.type).filter(\.$objectID ~~ object.ids.map(Optional.some)) } }
                }
            }
            if let from { query = query.filter(\.$occurredAt >= from) }
            if let to { query = query.filter(\.$occurredAt < to) }
            entries = try await query.sort(\.$occurredAt, .descending).sort(\.$sequence, .descending)
                .range(((pageNumber - 1) * Self.pageSize)..<(pageNumber * Self.pageSize + 1)).all()
        }

        let shown = Array(entries.prefix(Self.pageSize))
        let households = try await Household.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$id ~~ Set(shown.compactMap(\.subjectID) + [householdID].compactMap { $0 })).all()
        let householdNames = Dictionary(households.compactMap { h in h.id.map { ($0, h.name) } }, uniquingKeysWith: { a, _ in a })
        let named = try await AccessLogSubjects.named(in: shown, tenantID: actor.tenantID, on: req.db)
        let people = try await User.displayNames(of: Array(Set(shown.compactMap(\.userID))), in: actor.tenantID, on: req.db)
        let rows = shown.map { entry in
            let person = entry.id.flatMap { named[$0] }
            return Page.Row(
                time: req.shortMoment(entry.occurredAt, seconds: true), event: req.eventWords(entry.event), code: entry.event,
                outcome: req.t("outcome.\(entry.outcome)"),
                user: [entry.userID.flatMap { people[$0] }, entry.userName.map { "(\($0))" }].compactMap { $0 }.joined(separator: " "),
                role: entry.role.map { req.t("role.\($0)") } ?? "", basis: req.t("basis.\(entry.basis)"),
                object: [entry.objectType, entry.objectID].compactMap { $0 }.joined(separator: " "),
                source: entry.source ?? "",
                household: entry.subjectID.flatMap { householdNames[$0] },
                householdHref: entry.subjectID.map { Self.path(household: $0) },
                resident: person?.name, residentHref: person.map { Self.path(household: $0.householdID, resident: $0.id) }
            )
        }
        let members = try await householdID.asyncFlatMap { try await AccessLogSubjects.members(of: $0, tenantID: actor.tenantID, on: req.db) } ?? []
        let parts = Self.fields(filter, event: event, members: members, chosen: chosen?.id, household: householdID != nil,
                                from: from == nil ? "" : filter.from, to: to == nil ? "" : filter.to, in: req, errors: FormErrors(validator.issues, req: req))
        let page = Page(
            rows: rows, form: .init(parts: parts.parts), errors: parts.errors,
            pager: Pager(path: SiteRoute.accessLog.path(), filters: [("event", event), ("user", filter.user), ("outcome", filter.outcome),
                                                                     ("from", filter.from), ("to", filter.to), ("household", householdID?.uuidString),
                                                                     ("resident", chosen?.id.uuidString)],
                         page: pageNumber, hasMore: entries.count > Self.pageSize),
            household: householdID.map { householdNames[$0] ?? $0.uuidString }, householdID: householdID?.uuidString ?? "",
            allHref: householdID == nil ? nil : SiteRoute.accessLog.path(),
            resident: chosen?.name, householdHref: chosen.map { Self.path(household: $0.householdID) }
        )
        return try await req.page("privacy/access-log", title: req.t("access_log.title"), page)
    }

    /// The filter form: the event and the resident chosen from lists, the user typed, the outcome and the period.
    static func fields(_ filter: Filter, event: String?, members: [AccessLogSubjects.Person], chosen: UUID?, household: Bool,
                       from: String?, to: String?, in req: Request, errors: FormErrors) -> (parts: [FormPart], errors: FormErrors) {
        let outcomes = [Option(value: "", label: req.t("access_log.any_outcome"), selected: filter.outcome == nil)]
            + AuditRecord.Outcome.allCases.map { Option(value: $0.rawValue, label: req.t("outcome.\($0.rawValue)"), selected: $0.rawValue == filter.outcome) }
        let events = [Option(value: "", label: req.t("access_log.any_event"), selected: event == nil)] + req.eventOptions(chosen: event)
        let residents = [Option(value: "", label: req.t("access_log.any_resident"), selected: chosen == nil)]
            + members.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id == chosen) }
        var fields = FieldBuilder(req, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("event", .select, label: "access_log.event", options: events)),
            .field(fields.field("resident", .select, label: "access_log.resident", hint: household ? nil : "access_log.resident_hint", options: residents)),
            .field(fields.field("user", label: "access_log.user", value: filter.user, maxLength: 64)),
            .field(fields.field("outcome", .select, label: "access_log.outcome", options: outcomes)),
            // A date field can only hold a real date; what was not one is named in the message.
            .field(fields.field("from", .date, label: "access_log.from", value: from)),
            .field(fields.field("to", .date, label: "access_log.to", value: to)),
        ]
        return (parts, fields.namedErrors)
    }

    /// A known event, or nil (with a message when something else was asked for).
    static func event(_ raw: String?, _ validator: inout FormValidator) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard AccessEvents.known.contains(raw) else {
            validator.add("event", "access_log.event_unknown")
            return nil
        }
        return raw
    }

    /// The resident asked for, in the officer's tenant (and the household filtered on, if any);
    /// nil with a message for what is not a resident's id or not one known here.
    static func resident(_ raw: String?, household: UUID?, tenantID: UUID, _ validator: inout FormValidator, on db: any Database) async throws -> AccessLogSubjects.Person? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else {
            validator.add("resident", "access_log.resident_invalid")
            return nil
        }
        guard let person = try await AccessLogSubjects.resident(id, tenantID: tenantID, on: db), household == nil || household == person.householdID else {
            validator.add("resident", "access_log.resident_unknown")
            return nil
        }
        return person
    }

    /// A yyyy-mm-dd day, or nil (with a message when something else was typed).
    static func day(_ raw: String?, field: String, _ validator: inout FormValidator) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let day = Day.parse(raw) else {
            validator.add(field, "validation.date_invalid")
            return nil
        }
        return day
    }
}
