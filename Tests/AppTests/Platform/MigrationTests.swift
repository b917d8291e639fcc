import Fluent
import Testing
import VaporTesting
@testable import App

@Suite("Migrations")
struct MigrationTests {
    /// Every migration's revert really undoes it, on SQLite and (with
    /// DATABASE_URL) PostgreSQL: revert all, then migrate again and use it.
    @Test func revertThenMigrateRoundTrip() async throws {
        try await withApp { app in
            try await Fixtures(app: app).tenant()
            try await app.autoRevert()
            await #expect(throws: (any Error).self) { _ = try await Tenant.query(on: app.db).count() }
            try await app.autoMigrate()
            #expect(try await Tenant.query(on: app.db).count() == 0)
            try await Fixtures(app: app).tenant()
            #expect(try await app.migrator.previewPrepareBatch().get().isEmpty)
        }
    }
}
