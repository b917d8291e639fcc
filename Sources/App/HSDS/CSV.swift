import Domain
import Foundation

/// RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or
/// line break. Every export writes through here, so no cell reaches a
/// spreadsheet as a formula (`SpreadsheetCell`), and reading undoes just that.
enum CSV {
    static func write(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map { quote(SpreadsheetCell.neutralized($0)) }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Rows as dictionaries keyed by the header; nil when the quoting is broken.
    static func read(_ text: String) -> [[String: String]]? {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var inQuotes = false, afterQuote = false
        var iterator = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? { if let p = pending { pending = nil; return p }; return iterator.next() }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; afterQuote = true; pending = following }
                    } else { inQuotes = false; afterQuote = true }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !afterQuote else { return nil }
                inQuotes = true
            case ",":
                row.append(field); field = ""; afterQuote = false
            case "\r\n", "\n", "\r":
                row.append(field); field = ""; afterQuote = false
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            default:
                guard !afterQuote else { return nil }
                field.append(c)
            }
        }
        if inQuotes { return nil }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }) else { return [] }
        return rows.dropFirst().map { values in
            var record: [String: String] = [:]
            for (index, name) in header.enumerated() where index < values.count && !values[index].isEmpty { record[name] = SpreadsheetCell.restored(values[index]) }
            return record
        }
    }
}
