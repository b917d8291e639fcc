import Foundation
import SQLKit
import Testing
import Vapor
@testable import App

@Suite("SQLite connection settings")
struct SQLiteConnectionSettingsTests {
    /// The page cache is a per-connection setting: every event loop's
    /// connection must have it once the embedded database is prepared.
    @Test func everyConnectionGetsTheLargerPageCache() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("samenspel-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            let config = AppConfig(database: .sqliteFile(directory.appendingPathComponent("samenspel.sqlite").path),
                                   dataDirectory: directory.path, keys: .random(), behindTLS: false, bcryptCost: 4)
            try await configure(app, config: config)
            try await StartupCheck.prepareDatabase(app)
            var loops = 0
            for loop in app.eventLoopGroup.makeIterator() {
                let db = try #require(app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase)
                let row = try #require(try await db.raw("PRAGMA cache_size").first())
                #expect(try row.decode(column: "cache_size", as: Int.self) == -SQLiteConnectionSettings.cacheKiB)
                let temp = try #require(try await db.raw("PRAGMA temp_store").first())
                #expect(try temp.decode(column: "temp_store", as: Int.self) == 2)  // MEMORY
                loops += 1
            }
            #expect(loops >= 1)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
