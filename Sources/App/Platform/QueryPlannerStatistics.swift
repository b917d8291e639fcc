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

    /// On starting the embedded database: a first analysis if it never had
    /// one, otherwise SQLite's own check of what grew (recommended on opening).
    static func refreshOnStart(_ db: any Database) async throws {
        let analysed = try await db.sql.raw("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").first() != nil
        try await db.sql.raw(analysed ? "PRAGMA optimize=0x10002" : "ANALYZE").run()
    }
}
