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
        var page: Int?
    }

    struct Page: Encodable {
        struct Row: Encodable {
            let time: String; let event: String; let outcome: String; let user: String
            let role: String; let basis: String; let object: String; let source: String
        }
        let rows: [Row]
        let event: String
        let user: String
        let outcomes: [Option]
        let from: String
        let to: String
        let errors: FormErrors
        let pager: Pager
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
        if let from { query = query.filter(\.$occurredAt >= from) }
        if let to { query = query.filter(\.$occurredAt < to) }
        let entries = try await query.sort(\.$occurredAt, .descending).sort(\.$sequence, .descending)
            .range(((pageNumber - 1) * Self.pageSize)..<(pageNumber * Self.pageSize + 1)).all()

        let rows = entries.prefix(Self.pageSize).map { entry in
            Page.Row(
                time: req.shortMoment(entry.occurredAt, seconds: true), event: entry.event,
                outcome: req.t("outcome.\(entry.outcome)"), user: entry.userName ?? "",
                role: entry.role.map { req.t("role.\($0)") } ?? "", basis: req.t("basis.\(entry.basis)"),
                object: [entry.objectType, entry.objectID].compactMap { $0 }.joined(separator: " "),
                source: entry.source ?? ""
            )
        }
        let outcomes = [Option(value: "", label: req.t("access_log.any_outcome"), selected: filter.outcome == nil)]
            + AuditRecord.Outcome.allCases.map { Option(value: $0.rawValue, label: req.t("outcome.\($0.rawValue)"), selected: $0.rawValue == filter.outcome) }
        let page = Page(
            rows: Array(rows), event: filter.event ?? "", user: filter.user ?? "", outcomes: outcomes,
            // A date field can only hold a real date; what was not one is named in the message.
            from: from == nil ? "" : filter.from ?? "", to: to == nil ? "" : filter.to ?? "", errors: FormErrors(validator.issues, req: req),
            pager: Pager(path: SiteRoute.accessLog.path(), filters: [("event", filter.event), ("user", filter.user), ("outcome", filter.outcome),
                                                                     ("from", filter.from), ("to", filter.to)],
                         page: pageNumber, hasMore: entries.count > Self.pageSize)
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
