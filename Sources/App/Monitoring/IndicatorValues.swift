import Domain
import Fluent
import Foundation

/// One indicator's figures for one question (`IndicatorQuery`), read from
/// the monitor's cells: the whole figure, a trend when there is no
/// breakdown, and the breakdown's rows as `MonitorBreakdown` publishes them.
/// The API answers it as JSON and the CSV writes its rows; neither reads
/// the cells itself.
struct IndicatorValues {
    struct Point { let period: Period; let figure: IndicatorFigure }

    let indicator: IndicatorDefinition
    let query: IndicatorQuery
    let figure: IndicatorFigure
    let trend: [Point]
    let breakdown: MonitorBreakdown?
    let figuresUpTo: Date?

    static func read(_ indicator: IndicatorDefinition, _ query: IndicatorQuery, tenantID: UUID, on db: any Database) async throws -> IndicatorValues {
        let reader = MonitorReader(db: db, tenantID: tenantID)
        var trend: [Point] = []
        let figure: IndicatorFigure
        var breakdown: MonitorBreakdown?
        if let by = query.by {
            let whole = try await reader.tallies(indicator, periods: [query.period], filter: query.filter)[query.period] ?? .zero
            let rows = try await reader.breakdown(indicator, period: query.period, by: by, filter: query.filter)
            let table = MonitorBreakdown(indicator, whole: whole, rows: rows)
            breakdown = table
            // Beside the rows the whole is their total, published as the table publishes it,
            // so it cannot give away a row the table withholds.
            figure = indicator.per == nil
                ? IndicatorFigure.of(indicator, tally: whole, published: table.total)
                : try await reader.figure(indicator, period: query.period, filter: query.filter)
        } else {
            let periods = query.trendPeriods
            let figures = try await reader.figures(indicator, periods: periods, filter: query.filter)
            trend = periods.map { Point(period: $0, figure: figures[$0]!) }
            figure = figures[query.period]!
        }
        return IndicatorValues(indicator: indicator, query: query, figure: figure, trend: trend,
                               breakdown: breakdown, figuresUpTo: try await reader.refreshedAt())
    }
}

/// Readable names for breakdown members where they are cheap: organisations
/// by their name, life domains by their words; other codes as they are.
struct MonitorMemberNames {
    let organizations: [UUID: String]

    static func load(for dimension: MonitorDimension?, tenantID: UUID, on db: any Database) async throws -> MonitorMemberNames {
        guard dimension == .organization else { return MonitorMemberNames(organizations: [:]) }
        return MonitorMemberNames(organizations: try await Organization.names(in: tenantID, on: db))
    }

    func label(_ member: String?, of dimension: MonitorDimension, _ speaking: some Speaking) -> String {
        guard let member else { return speaking.t("monitor.unknown") }
        switch dimension {
        case .organization: return UUID(canonicalText: member).flatMap { organizations[$0] } ?? member
        case .domain: return LifeDomain(rawValue: member).map { speaking.t("domain.\($0.rawValue)") } ?? member
        default: return member
        }
    }
}
