import Fluent
import SQLKit
import Vapor

/// Settings SQLite keeps per connection rather than in the file. The driver
/// has no set-up hook, but it keeps one connection per event loop for the
/// server's life, so setting each loop's connection once at start holds.
enum SQLiteConnectionSettings {
    /// 64 MiB per connection instead of SQLite's 2 MB (500 pages): one
    /// worklist at 100,000 residents touches some 900 pages, so the default
    /// evicted pages the same request needed again (`strace`: 910 page reads
    /// per worklist before, 260 after).
    static let cacheKiB = 65_536

    static func apply(_ app: Application) async throws {
        for loop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase else { continue }
            try await db.raw("PRAGMA cache_size = \(unsafeRaw: String(-cacheKiB))").run()
            // Statement journals in memory: inside one long transaction (the
            // monitor's rebuild) SQLite otherwise spills one to a new temporary
            // file per statement (`perf`: a sixth of a rebuild's time in open and write).
            try await db.raw("PRAGMA temp_store = MEMORY").run()
        }
    }
}
