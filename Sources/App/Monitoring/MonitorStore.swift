import Domain
import Fluent
import Foundation
import SQLKit

/// Writes to the monitor's tables: every write adds, so applying a
/// difference never needs to read the cells first.
struct MonitorStore {
    let db: any Database
    let tenantID: UUID
    static let rowsPerStatement = 300

    /// Where a slice's tally is stored: as a filter with a breakdown, and,
    /// when both of its dimensions can filter, the other way round as well.
    static func places(of slice: Slice) -> [(filter: String, breakdown: String, member: String)] {
        let pairs = slice.values.sorted { $0.key < $1.key }
        switch pairs.count {
        case 0: return [("", "", "")]
        case 1: return [("", pairs[0].key.rawValue, pairs[0].value)]
        default:
            return [(pairs[0], pairs[1]), (pairs[1], pairs[0])].compactMap { filter, part in
                filter.key.combines(with: part.key) ? ("\(filter.key.rawValue)=\(filter.value)", part.key.rawValue, part.value) : nil
            }
        }
    }

    /// Stores these households' facts in place of what was stored for them.
    func replace(_ rows: [MonitorHousehold]) async throws {
        for chunk in rows.chunked(Self.rowsPerStatement) {
            let ids = SQLList(chunk.map { SQLBind($0.id!) })
            try await db.sql.raw("DELETE FROM monitor_households WHERE tenant_id = \(bind: tenantID) AND id IN (\(ids))").run()
            let values = Array(chunk).map { row -> SQLQueryString in
                "(\(bind: tenantID), \(bind: row.id!), \(bind: row.facts), \(bind: row.markedOn), \(bind: row.recheckOn))"
            }.joined(separator: ", ")
            try await db.sql.raw("INSERT INTO monitor_households (tenant_id, id, facts, marked_on, recheck_on) VALUES \(values)").run()
        }
    }

    /// Adds each difference to its cells (and value histograms); returns how
    /// many cells changed. Statements are built a chunk at a time: a rebuild
    /// writes millions of rows, and all their bindings at once would not fit.
    func add(_ delta: [CellKey: Tally]) async throws -> Int {
        var cells = Chunk(), values = Chunk(), changed = 0
        for (key, tally) in delta.filter({ !$0.value.isZero }).sorted(by: { $0.key < $1.key }) {
            changed += 1
            for place in Self.places(of: key.slice) {
                let at: SQLQueryString = "\(bind: key.indicator), \(bind: key.period.id), \(bind: place.filter), \(bind: place.breakdown), \(bind: place.member)"
                if tally.subjects != 0 || tally.hits != 0 {
                    cells.rows.append("(\(bind: tenantID), \(bind: UUID()), \(at), \(bind: tally.subjects), \(bind: tally.hits))")
                }
                for (number, count) in tally.values.sorted(by: { $0.key < $1.key }) {
                    values.rows.append("(\(bind: tenantID), \(bind: UUID()), \(at), \(bind: number), \(bind: count))")
                }
            }
            if cells.isFull { try await writeCells(cells.take()) }
            if values.isFull { try await writeValues(values.take()) }
        }
        try await writeCells(cells.take())
        try await writeValues(values.take())
        return changed
    }

    /// Rows waiting for their statement.
    private struct Chunk {
        var rows: [SQLQueryString] = []
        var isFull: Bool { rows.count >= MonitorStore.rowsPerStatement }
        mutating func take() -> [SQLQueryString] { defer { rows = [] }; return rows }
    }

    private func writeCells(_ rows: [SQLQueryString]) async throws {
        guard !rows.isEmpty else { return }
        try await db.sql.raw("""
            INSERT INTO monitor_cells (tenant_id, id, indicator, period, filter, breakdown, member, subjects, hits)
            VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (tenant_id, indicator, period, filter, breakdown, member)
            DO UPDATE SET subjects = monitor_cells.subjects + excluded.subjects, hits = monitor_cells.hits + excluded.hits
            """).run()
    }

    private func writeValues(_ rows: [SQLQueryString]) async throws {
        guard !rows.isEmpty else { return }
        try await db.sql.raw("""
            INSERT INTO monitor_cell_values (tenant_id, id, indicator, period, filter, breakdown, member, number, subjects)
            VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (tenant_id, indicator, period, filter, breakdown, member, number)
            DO UPDATE SET subjects = monitor_cell_values.subjects + excluded.subjects
            """).run()
    }
}

extension Array {
    /// Consecutive pieces of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
