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
        guard !periods.isEmpty else { return [:] }
        let (filterText, breakdown, member) = filter.map { ("", $0.dimension.rawValue, $0.member) } ?? ("", "", "")
        let ids = SQLList(periods.map { SQLBind($0.id) })
        let cells = try await db.sql.raw("""
            SELECT period, subjects, hits FROM monitor_cells WHERE tenant_id = \(bind: tenantID) AND indicator = \(bind: indicator.id)
            AND period IN (\(ids)) AND filter = \(bind: filterText) AND breakdown = \(bind: breakdown) AND member = \(bind: member)
            """).all()
        var result: [Period: Tally] = [:]
        for cell in cells {
            guard let period = Period(id: try cell.decode(column: "period", as: String.self)) else { continue }
            result[period] = Tally(subjects: try cell.decode(column: "subjects", as: Int.self), hits: try cell.decode(column: "hits", as: Int.self))
        }
        if indicator.measure.readsValues {
            let values = try await db.sql.raw("""
                SELECT period, number, subjects FROM monitor_cell_values WHERE tenant_id = \(bind: tenantID) AND indicator = \(bind: indicator.id)
                AND period IN (\(ids)) AND filter = \(bind: filterText) AND breakdown = \(bind: breakdown) AND member = \(bind: member)
                """).all()
            for value in values {
                guard let period = Period(id: try value.decode(column: "period", as: String.self)) else { continue }
                result[period, default: .zero].values[try value.decode(column: "number", as: Int.self)] = try value.decode(column: "subjects", as: Int.self)
            }
        }
        return result.mapValues { Tally(subjects: $0.subjects, hits: $0.hits, values: $0.values) }
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
        let tallies = try await tallies(indicator, periods: periods, filter: filter)
        let per = try await indicator.per.asyncFlatMap { try await breakdowns(indicator, periods: periods, by: $0, filter: filter) } ?? [:]
        var figures: [Period: IndicatorFigure] = [:]
        for period in periods {
            figures[period] = IndicatorFigure.of(indicator, tally: tallies[period] ?? .zero, perValues: (per[period] ?? []).map(\.tally))
        }
        return figures
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
