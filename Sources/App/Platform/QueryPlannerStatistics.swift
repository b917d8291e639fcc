import Fluent
import SQLKit
import Vapor

/// Table statistics for the query planner. Without them SQLite guesses, and
/// for "tenant_id = ? AND id IN (…)" it guessed the tenant's index and walked
/// every household of the municipality instead of looking up the ids.
enum QueryPlannerStatistics {
    /// After a bulk load (the synthetic municipality): analyse everything.
    static func refresh(on db: any Database) async throws {
        try await db.sql.raw("ANALYZE").run()
    }

    /// While a bulk load grows a table on SQLite: statistics from when it was
    /// small (the signals table has three rows after the demo starts) make
    /// the planner read it whole for every row added — an import of 100,000
    /// signals stalled at 3 rows a second. SQLite's `optimize` analyses only
    /// what grew (about 25 times) since; on PostgreSQL autovacuum does this.
    static func keepCurrent(on db: any Database) async throws {
        guard db.sql.dialect.name == "sqlite" else { return }
        try await db.sql.raw("PRAGMA optimize=0x10002").run()
    }

    /// On starting the embedded database: a first analysis if it never had
    /// one, otherwise SQLite's own check of what grew (recommended on opening).
    static func refreshOnStart(_ db: any Database) async throws {
        let analysed = try await db.sql.raw("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").first() != nil
        try await db.sql.raw(analysed ? "PRAGMA optimize=0x10002" : "ANALYZE").run()
    }
}
