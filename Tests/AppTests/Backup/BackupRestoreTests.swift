import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
@testable import App

/// A backup taken while writes go on, restored into an empty target on the
/// same kind of database (SQLite, or PostgreSQL with DATABASE_URL): every
/// write acknowledged before the backup began is there, the encrypted fields
/// read with the restored keys, and the access log verifies.
@Suite("Backup and restore")
struct BackupRestoreTests {
    let passphrase = "een lange zin als wachtwoord"

    @Test func aBackupUnderWritesRestoresEverythingAcknowledgedBeforeIt() async throws {
        let directory = NSTemporaryDirectory() + "samenspel-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = "\(directory)/samenspel.backup"
        var acknowledgedBefore: Set<UUID> = []
        var expected: (households: Int, entries: Int, name: String) = (0, 0, "")
        var householdID = UUID()

        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            householdID = scenario.householdID
            #expect(try await scenario.coordinator.get(scenario.path).status == .ok)
            #expect(try await DocumentTests.upload(scenario.coordinator, scenario).status == .seeOther)
            try await AuditCheckpoints.write(on: app)
            let tenantID = try scenario.tenant.requireID()
            // Households keep arriving while the backup is taken.
            let acknowledged = NIOLockedValueBox<[UUID]>([])
            let writer = Task {
                var number = 0
                while !Task.isCancelled {
                    number += 1
                    let household = Household(tenantID: tenantID, name: "Gezin \(number)", street: "Laan \(number)", postcode: "1234 AB", city: "Voorbeeld", neighbourhoodCode: nil)
                    try await household.create(on: app.db)
                    acknowledged.withLockedValue { $0.append(household.id!) }
                }
            }
            while acknowledged.withLockedValue({ $0.count }) < 20 { try await Task.sleep(for: .milliseconds(5)) }
            acknowledgedBefore = Set(acknowledged.withLockedValue { $0 })
            let summary = try await Backup.write(app, to: file, passphrase: passphrase)
            writer.cancel()
            _ = try? await writer.value
            #expect(Set(summary.files) == [TestDatabase.postgresURL == nil ? Backup.sqliteDatabase : Backup.postgresDump, Backup.keys, Backup.checkpoints, "documents (1)"])
            expected = (try await Household.query(on: app.db).count(), try await AccessLogEntry.query(on: app.db).count(),
                        try await Household.find(householdID, on: app.db)?.name ?? "")
        }

        let target = "\(directory)/restored"
        var database: String?
        if let base = TestDatabase.postgresURL { database = try await PostgresTemplate.shared.empty(base: base) }
        let url = database.flatMap { name in TestDatabase.postgresURL.map { TestDatabase.replacingDatabase(in: $0, with: name) } }
        _ = try Restore.run(file, passphrase: passphrase, dataDirectory: target, databaseURL: url)
        #expect(throws: Restore.Refusal.self) { try Restore.run(file, passphrase: passphrase, dataDirectory: target, databaseURL: url) }

        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, config: AppConfig(database: url.map { .postgres(url: $0) } ?? .sqliteFile("\(target)/\(Backup.sqliteDatabase)"),
                                                       dataDirectory: target, keys: try Keys.load(environment: [:], keyFile: "\(target)/\(Backup.keys)"),
                                                       bcryptCost: 4, auditCheckpointFile: "\(target)/\(Backup.checkpoints)"))
            let restored = Set(try await Household.query(on: app.db).all().compactMap(\.id))
            #expect(acknowledgedBefore.subtracting(restored).isEmpty, "every household acknowledged before the backup is restored")
            #expect(restored.count >= expected.households - 1_000 && restored.count <= expected.households)
            #expect(try await Household.find(householdID, on: app.db)?.name == expected.name)
            // The BSN was sealed with the field key; the restored key opens it.
            let resident = try #require(try await Resident.query(on: app.db).filter(\.$householdID == householdID).first())
            #expect(try FieldCipher(key: app.config.keys.field).open(try #require(resident.bsnEncrypted)) == HouseholdScenario.bsn)
            // The document's sealed file came back, and opens with the restored key to exactly what was uploaded.
            let document = try #require(try await Document.query(on: app.db).first())
            let bytes = try Documents.store(app).read(id: try document.requireID(), tenantID: document.tenantID, sha256: document.sha256)
            #expect(Array(bytes) == DocumentTests.pdf)
            #expect(try await AccessLogEntry.query(on: app.db).count() <= expected.entries)
            let reports = try await AuditVerifier.verifyAll(app)
            #expect(!reports.isEmpty)
            for report in reports {
                guard case .intact = report.finding else { Issue.record("chain \(report.chain): \(report.finding)"); continue }
            }
        } catch {
            Issue.record(error)
        }
        try await app.asyncShutdown()
        if let database, let base = TestDatabase.postgresURL { try await PostgresTemplate.shared.drop(database, base: base) }
    }
}
