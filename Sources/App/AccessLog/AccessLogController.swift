import Domain
import Fluent
import Vapor

/// The privacy officer's view of the access log: filter by event, user,
/// outcome and period; newest first, fifty a page.
struct AccessLogController {
    static let pageSize = 50

    struct Filter: Content {
        var event: String?
        var user: String?
        var outcome: String?
        var from: String?
        var to: String?
        var household: String?
        var page: Int?
    }

    struct Page: Encodable {
        struct Row: Encodable {
            let time: String; let event: String; let code: String; let outcome: String; let user: String
            let role: String; let basis: String; let object: String; let source: String
            /// The household the entry is about, by name, linking to its entries only.
            let household: String?; let householdHref: String?
        }
        let rows: [Row]
        /// The filters: event, user, outcome and period.
        let form: FormPage.Parts
        let errors: FormErrors
        let pager: Pager
        /// The household the log is filtered on, and the way back to all entries.
        let household: String?; let householdID: String; let allHref: String?
    }

    /// The log narrowed to one household, and optionally one user and period.
    static func path(household: UUID, user: String? = nil, from: String? = nil, to: String? = nil) -> String {
        Pager.link(SiteRoute.accessLog.path(), [("household", household.uuidString), ("user", user), ("from", from), ("to", to)])
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

        var query = AccessLogEntry.query(on: req.db).filter(\.$tenantID == actor.tenantID)
        if let event = filter.event?.trimmingCharacters(in: .whitespaces), !event.isEmpty {
            query = query.filter(\.$event == String(event.prefix(100)))
        }
        if let user = filter.user?.trimmingCharacters(in: .whitespaces).lowercased(), !user.isEmpty {
            query = query.filter(\.$userName == String(user.prefix(64)))
        }
        if let outcome = filter.outcome.flatMap(AuditRecord.Outcome.init(rawValue:)) {
            query = query.filter(\.$outcome == outcome.rawValue)
        }
        let householdID = filter.household.flatMap(UUID.init(uuidString:))
        if let householdID { query = query.filter(\.$subjectID == householdID) }
        if let from { query = query.filter(\.$occurredAt >= from) }
        if let to { query = query.filter(\.$occurredAt < to) }
        let entries = try await query.sort(\.$occurredAt, .descending).sort(\.$sequence, .descending)
            .range(((pageNumber - 1) * Self.pageSize)..<(pageNumber * Self.pageSize + 1)).all()

        let shown = entries.prefix(Self.pageSize)
        let households = try await Household.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$id ~~ Set(shown.compactMap(\.subjectID) + [householdID].compactMap { $0 })).all()
        let householdNames = Dictionary(households.compactMap { h in h.id.map { ($0, h.name) } }, uniquingKeysWith: { a, _ in a })
        let people = try await User.displayNames(of: Array(Set(shown.compactMap(\.userID))), in: actor.tenantID, on: req.db)
        let rows = shown.map { entry in
            Page.Row(
                time: req.shortMoment(entry.occurredAt, seconds: true), event: req.eventWords(entry.event), code: entry.event,
                outcome: req.t("outcome.\(entry.outcome)"),
                user: [entry.userID.flatMap { people[$0] }, entry.userName.map { "(\($0))" }].compactMap { $0 }.joined(separator: " "),
                role: entry.role.map { req.t("role.\($0)") } ?? "", basis: req.t("basis.\(entry.basis)"),
                object: [entry.objectType, entry.objectID].compactMap { $0 }.joined(separator: " "),
                source: entry.source ?? "",
                household: entry.subjectID.flatMap { householdNames[$0] },
                householdHref: entry.subjectID.map { Self.path(household: $0) }
            )
        }
        let outcomes = [Option(value: "", label: req.t("access_log.any_outcome"), selected: filter.outcome == nil)]
            + AuditRecord.Outcome.allCases.map { Option(value: $0.rawValue, label: req.t("outcome.\($0.rawValue)"), selected: $0.rawValue == filter.outcome) }
        var fields = FieldBuilder(req, errors: FormErrors(validator.issues, req: req))
        let parts: [FormPart] = [
            .field(fields.field("event", label: "access_log.event", value: filter.event, maxLength: 100)),
            .field(fields.field("user", label: "access_log.user", value: filter.user, maxLength: 64)),
            .field(fields.field("outcome", .select, label: "access_log.outcome", options: outcomes)),
            // A date field can only hold a real date; what was not one is named in the message.
            .field(fields.field("from", .date, label: "access_log.from", value: from == nil ? "" : filter.from)),
            .field(fields.field("to", .date, label: "access_log.to", value: to == nil ? "" : filter.to)),
        ]
        let page = Page(
            rows: Array(rows), form: .init(parts: parts), errors: fields.namedErrors,
            pager: Pager(path: SiteRoute.accessLog.path(), filters: [("event", filter.event), ("user", filter.user), ("outcome", filter.outcome),
                                                                     ("from", filter.from), ("to", filter.to), ("household", householdID?.uuidString)],
                         page: pageNumber, hasMore: entries.count > Self.pageSize),
            household: householdID.map { householdNames[$0] ?? $0.uuidString }, householdID: householdID?.uuidString ?? "",
            allHref: householdID == nil ? nil : SiteRoute.accessLog.path()
        )
        return try await req.page("privacy/access-log", title: req.t("access_log.title"), page)
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
