import Domain
import Fluent
import Vapor

/// `/monitor/indicators/:indicatorID/table.csv`: one breakdown of one
/// indicator as a spreadsheet, with the same rows and markers ("< 5", "•")
/// as the page and the API, for whoever reads the monitor (`MonitorAudience`). Every
/// export is in the access log.
struct MonitorCSVController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.monitorTableCSV, use: table)
        routes.get(SiteRoute.monitorProfessionalsCSV, use: professionals)
    }

    /// The caseload per professional of a manager's own organisation, as its
    /// indicator page shows it; there is no such table for anyone else (404).
    func professionals(req: Request) async throws -> Response {
        let audience = try await MonitorAudience.of(req)
        let indicator = try audience.indicator(req.text(.indicatorID))
        let (choice, issues) = try MonitorChoice.read(req, indicator: indicator, audience: audience)
        guard issues.isEmpty else {
            return try await Self.refused(issues.map { IndicatorQuery.Problem(parameter: $0.field, messageKey: $0.messageKey, allowed: []) }, req: req)
        }
        guard let table = try await ProfessionalCaseload.build(req, audience: audience, indicator: indicator, period: choice.period,
                                                               format: MonitorFormat(req)) else { throw Abort(.notFound) }
        try await req.audit("monitor.export", outcome: .allowed, basis: .none, objectType: "indicator",
                            objectID: "\(indicator.id) \(choice.period.id) by=professional")
        let csv = CSV.write(header: [req.t("monitor.dimension.professional"), req.t("monitor.households")], rows: table.rows.map { [$0.name, $0.count] })
        return Self.attachment(csv, filename: "\(indicator.id)-\(choice.period.id)-professional.csv")
    }

    static func attachment(_ csv: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }

    func table(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let audience = try await MonitorAudience.of(req)
        let indicator = try audience.indicator(req.text(.indicatorID))
        let query: IndicatorQuery
        switch try IndicatorAPIController.query(req, for: indicator, audience: audience) {
        case .failure(let refusal): return try await Self.refused(refusal.problems, req: req)
        case .success(let read): query = read
        }
        // Without `by`, the first breakdown the indicator has; one without any is a single row.
        let by = query.by ?? indicator.breakdowns.first
        let chosen = IndicatorQuery(period: query.period, by: by, filter: query.filter)
        let values = try await IndicatorValues.read(indicator, chosen, tenantID: actor.tenantID, on: req.analyticsDB)
        let names = try await MonitorMemberNames.load(for: by, tenantID: actor.tenantID, on: req.analyticsDB)
        try await req.audit("monitor.export", outcome: .allowed, basis: .none, objectType: "indicator", objectID: chosen.logText(indicator))
        return Self.attachment(Self.csv(values, names: names, speaking: req),
                               filename: "\(indicator.id)-\(chosen.period.id)\(by.map { "-\($0.rawValue)" } ?? "").csv")
    }

    /// The rows of `MonitorBreakdown` with the total last (left out when rows
    /// overlap); a count reads as `PublishedCount.text`, a withheld figure as "•".
    static func csv(_ values: IndicatorValues, names: MonitorMemberNames, speaking: some Speaking) -> String {
        let dimension = values.query.by
        let header = [speaking.t(dimension.map { "monitor.dimension.\($0.rawValue)" } ?? "monitor.csv.whole"),
                      speaking.t("monitor.count"), speaking.t("monitor.csv.figure")]
        var rows: [[String]] = []
        if let dimension, let breakdown = values.breakdown {
            rows = breakdown.rows.map { [names.label($0.member, of: dimension, speaking), $0.count.text, figureText($0.figure)] }
            if !breakdown.overlapping { rows.append([speaking.t("monitor.total"), breakdown.total.text, figureText(values.figure)]) }
        } else {
            rows = [[speaking.t("monitor.total"), values.figure.base.text, figureText(values.figure)]]
        }
        return CSV.write(header: header, rows: rows)
    }

    /// A figure as a spreadsheet reads it: a point for decimals, "•" when withheld.
    static func figureText(_ figure: IndicatorFigure) -> String {
        guard let value = figure.value else { return PublishedCount.hidden.text }
        if value == value.rounded() { return String(Int(value)) }
        return String((value * 10).rounded() / 10)
    }

    /// A 400 page naming each refused parameter with what it may be.
    static func refused(_ problems: [IndicatorQuery.Problem], req: Request) async throws -> Response {
        struct ErrorContent: Encodable { let status: UInt; let message: String }
        let message = problems.map { "\($0.parameter): \($0.reason(req))" }.joined(separator: " ")
        return try await req.page("errors/error", title: req.t("error.title", "400"), ErrorContent(status: 400, message: message), status: .badRequest)
    }
}
