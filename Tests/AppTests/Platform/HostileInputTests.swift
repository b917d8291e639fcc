import Domain
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import App

/// What anyone on the internet can send, answered without a 5xx.
@Suite("Hostile input")
struct HostileInputTests {
    @Test func aVeryLongPathSegmentIsNotFoundNotAnError() async throws {
        try await withApp { app in
            let client = TestClient(app)
            for path in ["/" + String(repeating: "a", count: 256), "/css/" + String(repeating: "b", count: 300) + ".css",
                         "/" + String(repeating: "c/", count: 3000)] {
                let response = try await client.get(path)
                #expect(response.status == .notFound, "\(path.prefix(20))… (\(path.count) characters)")
            }
        }
    }

    @Test func theEmbeddedDatabaseIsReadableByItsOwnerOnly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("samenspel-modes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            let path = directory.appendingPathComponent("samenspel.sqlite").path
            try await configure(app, config: AppConfig(database: .sqliteFile(path), dataDirectory: directory.path, keys: .random(), bcryptCost: 4))
            try await StartupCheck.prepareDatabase(app)
            try await app.autoMigrate()
            try await Fixtures(app: app).tenant()
            for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
                #expect(mode == 0o600, "\(file): \(String(mode ?? 0, radix: 8))")
            }
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func csvExportsNeutraliseFormulas() async throws {
        let csv = CSV.write(header: ["name", "phone"], rows: [
            ["=HYPERLINK(\"http://evil.example\",\"x\")", "+31 20 123 4567"],
            ["@SUM(A1:A2)", "-1"], ["\tTab", "\rReturn"], ["Gewoon", "'=al beschermd"],
        ])
        let rows = try #require(CSV.read(csv))
        #expect(!csv.contains(",=") && !csv.contains("\n=") && !csv.contains("\"=") && !csv.contains(",@") && !csv.contains(",+"))
        // What is read back is what was written.
        #expect(rows.map { $0["name"] } == ["=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(A1:A2)", "\tTab", "Gewoon"])
        #expect(rows.map { $0["phone"] } == ["+31 20 123 4567", "-1", "\rReturn", "'=al beschermd"])
    }
}
