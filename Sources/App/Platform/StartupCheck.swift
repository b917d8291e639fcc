import Fluent
import SQLKit
import Vapor

/// Before serving: the embedded SQLite default migrates itself (for the
/// newcomer); on PostgreSQL pending migrations stop the start with the
/// command to run, so schema changes are always a deliberate step.
public enum StartupCheck {
    public struct PendingMigrations: Error, CustomStringConvertible {
        let names: [String]
        public var description: String {
            names.isEmpty
                ? "The database has not been migrated yet. Run `samenspel migrate` first."
                : "The database has \(names.count) pending migration(s) (\(names.joined(separator: ", "))). Run `samenspel migrate` first."
        }
    }

    public static func prepareDatabase(_ app: Application) async throws {
        if app.config.database.isEmbedded {
            guard case .sqliteFile = app.config.database else {
                try await app.autoMigrate()
                return try await AuditChainUpgrade.run(app)
            }
            // Write-ahead logging: readers no longer wait for the access
            // log's writes, and a commit syncs once. It stays set in the file.
            _ = try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").all()
            try await app.autoMigrate()
            try await QueryPlannerStatistics.refreshOnStart(app.db)
            try await SQLiteConnectionSettings.apply(app)
            return try await AuditChainUpgrade.run(app)
        }
        let pending: [String]
        do {
            pending = try await app.migrator.previewPrepareBatch().get().map { $0.0.name }
        } catch {
            // A database never migrated has no migration table to ask.
            throw PendingMigrations(names: [])
        }
        if !pending.isEmpty { throw PendingMigrations(names: pending) }
        try await AuditChainUpgrade.run(app)
    }
}
