import Domain
import FluentSQLiteDriver
import Foundation

/// Ids in the embedded database are text, as before: upper case on write,
/// either case on read. Converted directly instead of through `Codable`,
/// whose way goes through Foundation's `sprintf`/`sscanf` on Linux: every id
/// bound or read paid for it (about 5 % of a page that reads hundreds).
extension UUID: @retroactive SQLiteDataConvertible {
    public init?(sqliteData: SQLiteData) {
        guard let text = sqliteData.string else { return nil }
        self.init(canonicalText: text)
    }

    public var sqliteData: SQLiteData? { .text(canonicalText) }
}
