import Domain
import Fluent
import Foundation
import SQLKit

/// The spread of a per-dimension measure (caseload per professional): how
/// many professionals have each count, per indicator, period and filter.
/// Kept beside the value histograms under the breakdown "professional#spread",
/// rewritten from the professionals' cells whenever one of them changes, so
/// the monitor reads a few rows per period instead of one per professional —
/// thousands in a large city, for every month of a trend.
extension MonitorStore {
    struct SpreadGroup: Hashable, Comparable {
        let indicator: String
        let per: MonitorDimension
        /// The filter as the breakdown by `per` stores it: "" or "organization=…".
        let filter: String

        static func < (lhs: SpreadGroup, rhs: SpreadGroup) -> Bool {
            (lhs.indicator, lhs.per.rawValue, lhs.filter) < (rhs.indicator, rhs.per.rawValue, rhs.filter)
        }
    }

    static func spreadBreakdown(_ per: MonitorDimension) -> String { "\(per.rawValue)#spread" }

    /// The spreads that these changed cells feed, with the periods they changed in.
    static func spreads(touchedBy delta: [CellKey: Tally], catalog: IndicatorCatalog) -> [SpreadGroup: Set<Period>] {
        var groups: [SpreadGroup: Set<Period>] = [:]
        for (key, tally) in delta where !tally.isZero {
            guard let per = catalog[key.indicator]?.per else { continue }
            for place in places(of: key.slice) where place.breakdown == per.rawValue {
                groups[SpreadGroup(indicator: key.indicator, per: per, filter: place.filter), default: []].insert(key.period)
            }
        }
        return groups
    }

    /// Every spread the stored cells feed: for a monitor whose cells predate spreads.
    func allSpreads(catalog: IndicatorCatalog) async throws -> [SpreadGroup: Set<Period>] {
        var groups: [SpreadGroup: Set<Period>] = [:]
        for indicator in catalog.all {
            guard let per = indicator.per else { continue }
            for row in try await db.sql.raw("""
                SELECT DISTINCT period, filter FROM monitor_cells WHERE tenant_id = \(bind: tenantID) AND indicator = \(bind: indicator.id)
                AND breakdown = \(bind: per.rawValue)
                """).all() {
                guard let period = Period(id: try row.decode(column: "period", as: String.self)) else { continue }
                groups[SpreadGroup(indicator: indicator.id, per: per, filter: try row.decode(column: "filter", as: String.self)), default: []].insert(period)
            }
        }
        return groups
    }

    /// Rewrites these spreads from the cells as they now are.
    func respread(_ groups: [SpreadGroup: Set<Period>]) async throws {
        for group in groups.keys.sorted() {
            for periods in groups[group]!.sorted().chunked(Self.rowsPerStatement) {
                let ids = SQLList(periods.map { SQLBind($0.id) })
                let spread = Self.spreadBreakdown(group.per)
                try await db.sql.raw("""
                    DELETE FROM monitor_cell_values WHERE tenant_id = \(bind: tenantID) AND indicator = \(bind: group.indicator)
                    AND period IN (\(ids)) AND filter = \(bind: group.filter) AND breakdown = \(bind: spread) AND member = ''
                    """).run()
                let counts = try await db.sql.raw("""
                    SELECT period, subjects, COUNT(*) AS holders FROM monitor_cells WHERE tenant_id = \(bind: tenantID)
                    AND indicator = \(bind: group.indicator) AND period IN (\(ids)) AND filter = \(bind: group.filter)
                    AND breakdown = \(bind: group.per.rawValue) AND subjects > 0 GROUP BY period, subjects
                    """).all()
                let rows = try counts.map { row -> SQLQueryString in
                    """
                    (\(bind: tenantID), \(bind: UUID()), \(bind: group.indicator), \(bind: try row.decode(column: "period", as: String.self)), \
                    \(bind: group.filter), \(bind: spread), '', \(bind: try row.decode(column: "subjects", as: Int.self)), \
                    \(bind: try row.decode(column: "holders", as: Int.self)))
                    """
                }
                for chunk in rows.chunked(Self.rowsPerStatement) {
                    try await db.sql.raw("""
                        INSERT INTO monitor_cell_values (tenant_id, id, indicator, period, filter, breakdown, member, number, subjects)
                        VALUES \(Array(chunk).joined(separator: ", "))
                        """).run()
                }
            }
        }
    }
}

extension MonitorReader {
    /// The spreads of these per-dimension indicators for these periods, within the filter.
    func spreads(_ indicators: [IndicatorDefinition], periods: [Period], filter: Filter?) async throws -> [String: [Period: Histogram]] {
        var result: [String: [Period: Histogram]] = [:]
        let ids = SQLList(periods.map { SQLBind($0.id) })
        for (per, group) in Dictionary(grouping: indicators.filter { $0.per != nil }, by: { $0.per! }) where !periods.isEmpty {
            for row in try await db.sql.raw("""
                SELECT indicator, period, number, subjects FROM monitor_cell_values WHERE tenant_id = \(bind: tenantID)
                AND indicator IN (\(SQLList(group.map { SQLBind($0.id) }))) AND period IN (\(ids))
                AND filter = \(bind: filter?.text ?? "") AND breakdown = \(bind: MonitorStore.spreadBreakdown(per)) AND member = ''
                """).all() {
                guard let period = Period(id: try row.decode(column: "period", as: String.self)) else { continue }
                result[try row.decode(column: "indicator", as: String.self), default: [:]][period, default: Histogram()]
                    .add(try row.decode(column: "number", as: Int.self), count: max(0, try row.decode(column: "subjects", as: Int.self)))
            }
        }
        return result
    }
}
