import Domain
import Foundation
import Vapor

/// The tenant's monitor: the three RBA questions as sections, each indicator
/// a tile with its figure, the change against the previous period and a
/// 24-month trend; a period and a filter chosen in one form.
struct MonitorPage: Encodable {
    struct Tile: Encodable, Sendable {
        let name: String; let value: String; let change: String?; let sparklineSVG: String
        let trendTitle: String; let href: String; let better: String
    }
    struct Section: Encodable, Sendable { let title: String; let lead: String; let tiles: [Tile] }

    let lead: String
    let sections: [Section]
    let form: FormPage.Parts
    let errors: FormErrors
    let upTo: String?
    let period: String

    static let trendMonths = 24

    static func build(_ req: Request, audience: MonitorAudience, choice: MonitorChoice, errors: FormErrors) async throws -> MonitorPage {
        let actor = try req.requireActor()
        let reader = MonitorReader(db: req.analyticsDB, tenantID: actor.tenantID)
        let format = MonitorFormat(req)
        // Under a filter, only the indicators that can be narrowed by its dimension.
        let shown = IndicatorDefinition.Question.allCases.flatMap { audience.indicators.answering($0) }
            .filter { indicator in choice.filter.map { indicator.dimensions.contains($0.dimension) } ?? true }
        let refreshedAt = try await reader.refreshedAt()
        let key = MonitorTileCache.Key(tenantID: actor.tenantID, refreshedAt: refreshedAt, locale: req.locale.rawValue,
                                       period: choice.period, filter: choice.filter, indicators: shown.map(\.id))
        let sections = try await req.application.monitorTiles.sections(key) {
            try await Self.sections(req, shown: shown, choice: choice, reader: reader, format: format)
        }
        var fields = FieldBuilder(req, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("period", .select, label: "monitor.period", options: choice.periodOptions(format))),
        ] + (try await choice.filterField(&fields, req, audience: audience))
        let upTo = refreshedAt.map { req.moment($0) }
        let lead = audience.organizationName.map { req.t("monitor.lead_organization", format.period(choice.period), $0) }
            ?? req.t("monitor.lead", format.period(choice.period))
        return MonitorPage(lead: lead, sections: sections, form: FormPage.Parts(parts: parts), errors: fields.namedErrors,
                           upTo: upTo, period: format.period(choice.period))
    }

    /// The tiles of the three questions: a figure, its change and a 24-month trend each.
    static func sections(_ req: Request, shown: [IndicatorDefinition], choice: MonitorChoice, reader: MonitorReader,
                         format: MonitorFormat) async throws -> [Section] {
        let months = choice.period.kind == .month ? choice.period : Period.containing(choice.period.lastDay, .month)
        let trend = (0..<trendMonths).reversed().map { months.advanced(by: -$0) }
        let all = try await reader.figures(shown, periods: [choice.period, choice.period.previous] + trend, filter: choice.filter)
        return IndicatorDefinition.Question.allCases.map { question in
            let tiles = shown.filter { $0.question == question }.map { indicator -> Tile in
                let figures = all[indicator.id] ?? [:]
                let now = figures[choice.period]!, before = figures[choice.period.previous]!
                let values = trend.map { figures[$0]?.value ?? (indicator.measure == .count ? figures[$0]?.base.value.map(Double.init) : nil) }
                let name = indicator.name.text(req.locale.rawValue)
                return Tile(
                    name: name, value: format.value(now, indicator),
                    change: format.change(now, before, indicator, previous: choice.period.previous),
                    sparklineSVG: Sparkline(values: values).svg(title: req.t("monitor.trend_title", name)),
                    trendTitle: req.t("monitor.trend_title", name),
                    href: MonitorChoice.link(SiteRoute.monitorIndicator.path(indicator.id), period: choice.period, filter: choice.filter),
                    better: req.t("monitor.better.\(indicator.direction.rawValue)"))
            }
            return Section(title: req.t("monitor.question.\(question.rawValue)"), lead: req.t("monitor.question_lead.\(question.rawValue)"), tiles: tiles)
        }
    }
}
