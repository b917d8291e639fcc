import Domain
import Foundation
import Vapor

/// One indicator: what it means in plain words, its figure for the period,
/// its 24-month trend (a line chart with its data table as text
/// alternative), and a breakdown by a chosen dimension.
struct IndicatorPage: Encodable {
    struct TrendRow: Encodable { let period: String; let base: String; let value: String }
    struct BreakdownRow: Encodable { let member: String; let count: String; let value: String? }

    let name: String
    let description: String
    let question: String
    let better: String
    let counting: String
    let value: String
    let chartSVG: String
    let trend: [TrendRow]
    let showsBase: Bool
    let breakdownTitle: String?
    let breakdown: [BreakdownRow]
    let breakdownTotal: String?
    /// The breakdown as a spreadsheet, with the same rows and markers.
    let breakdownCSV: String?
    /// On an organisation's monitor, for its managers: caseload per named professional.
    let professionals: ProfessionalCaseload?
    let form: FormPage.Parts
    let errors: FormErrors
    let backHref: String
    let upTo: String?
    let period: String
    let story: StorySection?

    static func build(_ req: Request, audience: MonitorAudience, indicator: IndicatorDefinition, choice: MonitorChoice, errors: FormErrors,
                      story typedStory: String = "") async throws -> IndicatorPage {
        let actor = try req.requireActor()
        let reader = MonitorReader(db: req.analyticsDB, tenantID: actor.tenantID)
        let format = MonitorFormat(req)
        let filter = choice.filter.flatMap { indicator.dimensions.contains($0.dimension) ? $0 : nil }
        let months = choice.period.kind == .month ? choice.period : Period.containing(choice.period.lastDay, .month)
        let trendPeriods = (0..<MonitorPage.trendMonths).reversed().map { months.advanced(by: -$0) }
        let figures = try await reader.figures(indicator, periods: [choice.period] + trendPeriods, filter: filter)
        let plotted = trendPeriods.map { figures[$0].flatMap { $0.value ?? (indicator.measure == .count ? $0.base.value.map(Double.init) : nil) } }
        let name = indicator.name.text(req.locale.rawValue)
        var breakdownRows: [BreakdownRow] = [], total: String?
        if let by = choice.by {
            let whole = try await reader.tallies(indicator, periods: [choice.period], filter: filter)[choice.period] ?? .zero
            let table = MonitorBreakdown(indicator, whole: whole, rows: try await reader.breakdown(indicator, period: choice.period, by: by, filter: filter))
            let organizations = by == .organization ? try await Self.organizationNames(req, actor.tenantID) : [:]
            breakdownRows = table.rows.map { row in
                BreakdownRow(member: MonitorChoice.label(by, row.member, req, organizations: organizations), count: row.count.text,
                             value: indicator.measure == .count ? nil : format.value(row.figure, indicator))
            }
            total = table.overlapping ? nil : table.total.text
        }
        var fields = FieldBuilder(req, errors: errors)
        let dimensions = [Option(value: "", label: req.t("monitor.no_breakdown"), selected: choice.by == nil)]
            + indicator.breakdowns.map { Option(value: $0.rawValue, label: req.t("monitor.dimension.\($0.rawValue)"), selected: $0 == choice.by) }
        let parts: [FormPart] = [
            .field(fields.field("period", .select, label: "monitor.period", options: choice.periodOptions(format))),
        ] + (try await choice.filterField(&fields, req, audience: audience)) + [
            .field(fields.field("by", .select, label: "monitor.by", options: dimensions)),
        ]
        let story = try await StorySection.build(req, indicator: indicator, period: choice.period, typed: typedStory, fields: &fields)
        return IndicatorPage(
            name: name, description: indicator.description.text(req.locale.rawValue),
            question: req.t("monitor.question.\(indicator.question.rawValue)"),
            better: req.t("monitor.better.\(indicator.direction.rawValue)"),
            counting: req.t("monitor.counting.\(indicator.counting.rawValue)"),
            value: format.value(figures[choice.period]!, indicator),
            chartSVG: Self.chart(plotted, periods: trendPeriods, name: name, format: format, indicator: indicator, req: req),
            trend: trendPeriods.reversed().map { period in
                let figure = figures[period]!
                return TrendRow(period: format.period(period), base: figure.base.text, value: format.value(figure, indicator))
            },
            showsBase: indicator.measure != .count,
            breakdownTitle: choice.by.map { req.t("monitor.breakdown_by", req.t("monitor.dimension.\($0.rawValue)"), format.period(choice.period)) },
            breakdown: breakdownRows, breakdownTotal: total,
            breakdownCSV: choice.by.map { by in
                // A manager's monitor is narrowed to their organisation already; their link names no filter.
                MonitorChoice.link(SiteRoute.monitorTableCSV.path(indicator.id), period: choice.period,
                                   filter: audience.fixedFilter == nil ? filter : nil, by: by)
            },
            professionals: try await ProfessionalCaseload.build(req, audience: audience, indicator: indicator, period: choice.period, format: format),
            form: FormPage.Parts(parts: parts), errors: fields.namedErrors,
            backHref: MonitorChoice.link(SiteRoute.monitor.path(), period: choice.period, filter: choice.filter),
            upTo: try await reader.refreshedAt().map { req.moment($0) }, period: format.period(choice.period), story: story)
    }

    static func chart(_ values: [Double?], periods: [Period], name: String, format: MonitorFormat,
                      indicator: IndicatorDefinition, req: Request) -> String {
        let scale = NiceScale(values: values.compactMap { $0 }, wholeNumbers: ![.share, .mean].contains(indicator.measure))
        // Numbers only: the unit is in the title, and "12 werkdagen" would not fit the margin.
        let decimals = scale.ticks.map { tick in (0...2).first { (tick * pow(10, Double($0))).rounded() == tick * pow(10, Double($0)) } ?? 2 }.max() ?? 0
        let ticks = scale.ticks.map { LineChart.Tick(value: $0, label: format.number($0, decimals: decimals)) }
        let labels = periods.map { period in req.t("monitor.month_short.\(period.index)") + " " + String(period.year % 100) }
        return LineChart(periods: labels, range: scale.range, ticks: ticks, labelEvery: 3)
            .svg(title: req.t("monitor.trend_title", name), description: req.t("monitor.trend_description"),
                 series: [LineChart.Series(name: name, className: "series-trend", values: values)])
    }

    static func organizationNames(_ req: Request, _ tenantID: UUID) async throws -> [String: String] {
        Dictionary(try await Organization.scoped(to: tenantID, on: req.analyticsDB).all().map { ($0.id!.uuidString, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
