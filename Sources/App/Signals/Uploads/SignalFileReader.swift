import CSV
import Foundation

/// A partner's CSV as rows of text: UTF-8 (with or without a byte-order
/// mark) or, as spreadsheets on Windows still save it, Windows-1252; fields
/// separated by commas, semicolons (the Dutch spreadsheet default) or tabs,
/// whichever the header line uses most.
struct SignalFileReader {
    enum ReadError: Error { case empty, noHeader, unreadable }

    static let delimiters: [UnicodeScalar] = [",", ";", "\t"]

    let header: [String]
    private let reader: CSVReader

    init(_ data: Data) throws {
        guard !data.isEmpty else { throw ReadError.empty }
        guard var text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else { throw ReadError.unreadable }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let counts = firstLine.unicodeScalars.reduce(into: [UnicodeScalar: Int]()) { $0[$1, default: 0] += 1 }
        let delimiter = Self.delimiters.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
        reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        guard let header = reader.headerRow, header.contains(where: { !$0.isEmpty }) else { throw ReadError.noHeader }
        self.header = header
    }

    /// The next data row, skipping empty lines; nil at the end.
    func next() -> [String]? {
        while let row = reader.next() {
            if row.contains(where: { !$0.isEmpty }) { return row }
        }
        return nil
    }
}
