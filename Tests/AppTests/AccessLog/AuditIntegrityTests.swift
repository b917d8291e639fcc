import Crypto
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Tampering by someone who can write to the database but holds no key:
/// cutting the log short and moving the head back, or rewriting an entry and
/// recomputing every later hash and the head.
@Suite("Access log integrity")
struct AuditIntegrityTests {
    static func append(_ count: Int, tenantID: UUID?, on app: Application) async throws {
        for index in 0..<count {
            try await AccessLogger.append(AuditRecord(
                occurredAt: Date(), event: "test.event", outcome: .success, tenantID: tenantID,
                userName: "user\(index)", basis: .administration, objectType: "test", objectID: String(index)
            ), key: app.config.keys.audit, on: app.db)
        }
    }

    static func isBroken(_ reports: [AuditVerifier.ChainReport]) -> Bool {
        reports.contains { if case .broken = $0.finding { true } else { false } }
    }

    @Test func cuttingTheLogShortAndMovingTheHeadIsFound() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await Self.append(6, tenantID: tenant.id, on: app)
            try await AuditCheckpoints.write(on: app)
            let kept = try #require(try await AccessLogEntry.query(on: app.db).filter(\.$sequence == 4).first())
            try await app.db.sql.raw("DELETE FROM access_log_entries WHERE sequence > 4").run()
            try await app.db.sql.raw("UPDATE access_log_heads SET sequence = 4, hash = \(bind: kept.hash)").run()
            #expect(Self.isBroken(try await AuditVerifier.verifyAll(app)))
        }
    }

    @Test func rewritingAnEntryAndEveryLaterHashIsFound() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await Self.append(5, tenantID: tenant.id, on: app)
            try await app.db.sql.raw("UPDATE access_log_entries SET user_name = 'mallory' WHERE sequence = 2").run()
            // Recompute the chain as an attacker without the key would: plain SHA-256.
            var previous = AuditChain.genesis
            for entry in try await AccessLogEntry.query(on: app.db).sort(\.$sequence).all() {
                let hash = SHA256.hash(data: Data((previous + "\n" + entry.record.canonical).utf8)).map { String(format: "%02x", $0) }.joined()
                try await app.db.sql.raw("UPDATE access_log_entries SET previous_hash = \(bind: previous), hash = \(bind: hash) WHERE sequence = \(bind: entry.sequence)").run()
                previous = hash
            }
            try await app.db.sql.raw("UPDATE access_log_heads SET hash = \(bind: previous)").run()
            let report = try #require(try await AuditVerifier.verifyAll(app).first)
            #expect(report.finding == .broken(sequence: 1, reason: .hashMismatch))
        }
    }

    /// Rewrites the tenant's chain as it was before the key: unkeyed SHA-256.
    static func makeLegacy(on app: Application) async throws {
        var previous = AuditChain.genesis
        for entry in try await AccessLogEntry.query(on: app.db).sort(\.$sequence).all() {
            let hash = AuditChain.legacyHash(entry.record, previous: previous)
            try await app.db.sql.raw("UPDATE access_log_entries SET previous_hash = \(bind: previous), hash = \(bind: hash) WHERE sequence = \(bind: entry.sequence)").run()
            previous = hash
        }
        try await app.db.sql.raw("UPDATE access_log_heads SET hash = \(bind: previous), keyed = \(bind: false)").run()
    }

    @Test func aChainFromBeforeTheKeyIsSealedOnceAndStaysVerifiable() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await Self.append(4, tenantID: tenant.id, on: app)
            try await Self.makeLegacy(on: app)
            #expect(Self.isBroken(try await AuditVerifier.verifyAll(app)))
            try await AuditChainUpgrade.run(app)
            #expect(try await AuditVerifier.verifyAll(app).first?.finding == .intact(count: 4))
            // Appending goes on with the key.
            try await Self.append(2, tenantID: tenant.id, on: app)
            #expect(try await AuditVerifier.verifyAll(app).first?.finding == .intact(count: 6))
        }
    }

    @Test func aLegacyChainAlreadyTamperedWithIsNotSealed() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await Self.append(4, tenantID: tenant.id, on: app)
            try await Self.makeLegacy(on: app)
            try await app.db.sql.raw("UPDATE access_log_entries SET user_name = 'mallory' WHERE sequence = 3").run()
            try await AuditChainUpgrade.run(app)
            #expect(try await AuditVerifier.verifyAll(app).first?.finding == .broken(sequence: 1, reason: .hashMismatch))
            let keyed = try await app.db.sql.raw("SELECT keyed FROM access_log_heads").first()?.decode(column: "keyed", as: Bool.self)
            #expect(keyed == false)
        }
    }

    @Test func checkpointsAreWrittenOnlyWhenAHeadMoved() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await Self.append(2, tenantID: tenant.id, on: app)
            try await AuditCheckpoints.write(on: app)
            try await AuditCheckpoints.write(on: app)
            #expect(try AuditCheckpoints.read(app.config.auditCheckpointFile).count == 1)
            try await Self.append(1, tenantID: tenant.id, on: app)
            try await AuditCheckpoints.write(on: app)
            let checkpoints = try AuditCheckpoints.read(app.config.auditCheckpointFile)
            #expect(checkpoints.map(\.sequence) == [2, 3])
            #expect(checkpoints.allSatisfy { $0.isAuthentic(key: app.config.keys.audit) })
            let mode = try FileManager.default.attributesOfItem(atPath: app.config.auditCheckpointFile)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try await AuditVerifier.verifyAll(app).first?.finding == .intact(count: 3))
        }
    }
}
