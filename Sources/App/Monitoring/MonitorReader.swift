import Domain
import Fluent
import Foundation
import SQLKit

/// Reads figures from the monitor's cells — never from the operational
/// tables — and publishes them through `IndicatorFigure` and `Suppression`.
struct MonitorReader {
    let db: any Database
    let tenantID: UUID

    /// A filter on one dimension value, or none.
    struct Filter: Hashable {
        let dimension: MonitorDimension
        let member: String
        var text: String { "\(dimension.rawValue)=\(member)" }
    }

    /// One breakdown row: a dimension value with its tally.
    struct Row { let member: String; let tally: Tally }

    /// The tallies of one indicator for these periods, whole or filtered.
    func tallies(_ indicator: IndicatorDefinition, periods: [Period], filter: Filter?) async throws -> [Period: Tally] {
        try await tallies([indicator], periods: periods, filter: filter)[indicator.id] ?? [:]
    }

    /// The same for several indicators at once (the monitor's tiles): one query per table.
    func tallies(_ indicators: [IndicatorDefinition], periods: [Period], filter: Filter?) async throws -> [String: [Period: Tally]] {
        guard !periods.isEmpty, !indicators.isEmpty else { return [:] }
        let (breakdown, member) = filter.map { ($0.dimension.rawValue, $0.member) } ?? ("", "")
        let ids = SQLList(periods.map { SQLBind($0.id) })
        var result: [String: [Period: Tally]] = [:]
        for cell in try await db.sql.raw("""
            SELECT indicator, period, subjects, hits FROM monitor_cells WHERE tenant_id = \(bind: tenantID)
            AND indicator IN (\(SQLList(indicators.map { SQLBind($0.id) }))) AND period IN (\(ids))
            AND filter = '' AND breakdown = \(bind: breakdown) AND member = \(bind: member)
            """).all() {
            guard let period = Period(id: try cell.decode(column: "period", as: String.self)) else { continue }
            result[try cell.decode(column: "indicator", as: String.self), default: [:]][period] = Tally(
                subjects: try cell.decode(column: "subjects", as: Int.self), hits: try cell.decode(column: "hits", as: Int.self))
        }
        let readers = indicators.filter(\.measure.readsValues)
        guard !readers.isEmpty else { return result }
        for value in try await db.sql.raw("""
            SELECT indicator, period, number, subjects FROM monitor_cell_values WHERE tenant_id = \(bind: tenantID)
            AND indicator IN (\(SQLList(readers.map { SQLBind($0.id) }))) AND period IN (\(ids))
            AND filter = '' AND breakdown = \(bind: breakdown) AND member = \(bind: member)
            """).all() {
            guard let period = Period(id: try value.decode(column: "period", as: String.self)) else { continue }
            result[try value.decode(column: "indicator", as: String.self), default: [:]][period, default: .zero]
                .values[try value.decode(column: "number", as: Int.self)] = try value.decode(column: "subjects", as: Int.self)
        }
        return result
    }

    /// The tallies of each value of `dimension` in one period, within the filter.
    func breakdown(_ indicator: IndicatorDefinition, period: Period, by dimension: MonitorDimension, filter: Filter?) async throws -> [Row] {
        try await breakdowns(indicator, periods: [period], by: dimension, filter: filter)[period] ?? []
    }

    /// The same for several periods at once: one query per table, not one per period.
    func breakdowns(_ indicator: IndicatorDefinition, periods: [Period], by dimension: MonitorDimension, filter: Filter?) async throws -> [Period: [Row]] {
        guard !periods.isEmpty else { return [:] }
        let filterText = filter?.text ?? ""
        let ids = SQLList(periods.map { SQLBind($0.id) })
        var tallies: [String: [String: Tally]] = [:]
        for cell in try await db.sql.raw("""
            SELECT period, member, subjects, hits FROM monitor_cells WHERE tenant_id = \(bind: tenantID) AND indicator = \(bind: indicator.id)
            AND period IN (\(ids)) AND filter = \(bind: filterText) AND breakdown = \(bind: dimension.rawValue)
            """).all() {
            tallies[try cell.decode(column: "period", as: String.self), default: [:]][try cell.decode(column: "member", as: String.self)] = Tally(
                subjects: try cell.decode(column: "subjects", as: Int.self), hits: try cell.decode(column: "hits", as: Int.self))
        }
        if indicator.measure.readsValues {
            for value in try await db.sql.raw("""
                SELECT period, member, number, subjects FROM monitor_cell_values WHERE tenant_id = \(bind: tenantID) AND indicator = \(bind: indicator.id)
                AND period IN (\(ids)) AND filter = \(bind: filterText) AND breakdown = \(bind: dimension.rawValue)
                """).all() {
                tallies[try value.decode(column: "period", as: String.self), default: [:]][try value.decode(column: "member", as: String.self), default: .zero]
                    .values[try value.decode(column: "number", as: Int.self)] = try value.decode(column: "subjects", as: Int.self)
            }
        }
        var result: [Period: [Row]] = [:]
        for period in periods {
            result[period] = (tallies[period.id] ?? [:]).filter { $0.value.subjects > 0 }.sorted { $0.key < $1.key }.map { Row(member: $0.key, tally: $0.value) }
        }
        return result
    }

    /// The figure for one period: for caseload, over the professionals' counts.
    func figure(_ indicator: IndicatorDefinition, period: Period, filter: Filter?) async throws -> IndicatorFigure {
        try await figures(indicator, periods: [period], filter: filter)[period]!
    }

    func figures(_ indicator: IndicatorDefinition, periods: [Period], filter: Filter?) async throws -> [Period: IndicatorFigure] {
        try await figures([indicator], periods: periods, filter: filter)[indicator.id] ?? [:]
    }

    /// Figures of several indicators for these periods, read together: the
    /// monitor's tiles cost a few queries, not a few per tile.
    func figures(_ indicators: [IndicatorDefinition], periods: [Period], filter: Filter?) async throws -> [String: [Period: IndicatorFigure]] {
        let tallies = try await tallies(indicators, periods: periods, filter: filter)
        let spreads = try await self.spreads(indicators, periods: periods, filter: filter)
        var result: [String: [Period: IndicatorFigure]] = [:]
        for indicator in indicators {
            for period in periods {
                result[indicator.id, default: [:]][period] = IndicatorFigure.of(
                    indicator, tally: tallies[indicator.id]?[period] ?? .zero, spread: spreads[indicator.id]?[period] ?? Histogram())
            }
        }
        return result
    }

    /// When the figures were last brought up to date, if ever.
    func refreshedAt() async throws -> Date? {
        try await MonitorRefresh.scoped(to: tenantID, on: db).first()?.refreshedAt
    }
}

extension IndicatorDefinition.Measure {
    /// Medians, percentiles and means are read from the value histograms.
    var readsValues: Bool { [.median, .p90, .mean].contains(self) }
}
