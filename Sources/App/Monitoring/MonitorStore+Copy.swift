import Domain
import FluentPostgresDriver
import Foundation
import NIOCore

/// A rebuild on PostgreSQL writes its cells with COPY: hundreds of
/// thousands of rows into tables the same transaction has just emptied, so
/// there is nothing to merge with, and COPY spares the parsing and planning
/// of a thousand multi-row INSERTs (SQLite keeps the INSERTs: they are cheap there).
extension MonitorStore {
    /// The rows written, or nil when the database is not PostgreSQL.
    func copy(_ delta: [CellKey: Tally]) async throws -> Int? {
        guard let postgres = db as? any PostgresDatabase else { return nil }
        let tenant = tenantID.uuidString
        var cells: [String] = [], values: [String] = [], changed = 0
        for (key, tally) in delta where !tally.isZero {
            changed += 1
            for place in Self.places(of: key.slice) {
                let at = [key.indicator, key.period.id, place.filter, place.breakdown, place.member].map(Self.copyText).joined(separator: "\t")
                if tally.subjects != 0 || tally.hits != 0 {
                    cells.append("\(tenant)\t\(UUID().uuidString)\t\(at)\t\(tally.subjects)\t\(tally.hits)\n")
                }
                for (number, count) in tally.values { values.append("\(tenant)\t\(UUID().uuidString)\t\(at)\t\(number)\t\(count)\n") }
            }
        }
        let place = ["tenant_id", "id", "indicator", "period", "filter", "breakdown", "member"]
        try await Self.copy(cells, into: "monitor_cells", columns: place + ["subjects", "hits"], on: postgres)
        try await Self.copy(values, into: "monitor_cell_values", columns: place + ["number", "subjects"], on: postgres)
        return changed
    }

    private static func copy(_ lines: [String], into table: String, columns: [String], on postgres: any PostgresDatabase) async throws {
        guard !lines.isEmpty else { return }
        let logger = postgres.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    for chunk in lines.chunked(5_000) {
                        try await writer.write(ByteBuffer(string: chunk.joined()))
                    }
                }
            }
        }.get()
    }

    /// A value in COPY's text format: backslash, tab and line ends escaped.
    static func copyText(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": escaped.append(contentsOf: "\\t".unicodeScalars)
            case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\r": escaped.append(contentsOf: "\\r".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
