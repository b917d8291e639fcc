import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

@Suite("Access log")
struct AccessLogTests {
    func append(_ count: Int, tenantID: UUID?, on app: Application) async throws {
        for index in 0..<count {
            try await AccessLogger.append(AuditRecord(
                occurredAt: Date(), event: "test.event", outcome: .success, tenantID: tenantID,
                userName: "user\(index)", basis: .administration, objectType: "test", objectID: String(index)
            ), key: app.config.keys.audit, on: app.db)
        }
    }

    @Test func chainsAreIntactAfterRoundTripsThroughTheDatabase() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await append(5, tenantID: tenant.id, on: app)
            try await append(3, tenantID: nil, on: app)
            let reports = try await AuditVerifier.verifyAll(app, batchSize: 2)
            #expect(reports.count == 2)
            #expect(reports.allSatisfy { if case .intact = $0.finding { true } else { false } })
            let counts = reports.compactMap { if case .intact(let count) = $0.finding { count } else { nil } }
            #expect(counts.sorted() == [3, 5])
        }
    }

    @Test func aRowChangedBehindTheApplicationsBackIsFound() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await append(6, tenantID: tenant.id, on: app)
            try await app.db.sql.raw("UPDATE access_log_entries SET user_name = 'mallory' WHERE sequence = 4").run()
            let report = try #require(try await AuditVerifier.verifyAll(app).first)
            #expect(report.finding == .broken(sequence: 4, reason: .hashMismatch))
        }
    }

    @Test func deletedEntriesAreFound() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await append(4, tenantID: tenant.id, on: app)
            try await app.db.sql.raw("DELETE FROM access_log_entries WHERE sequence = 4").run()
            #expect(try await AuditVerifier.verifyAll(app).first?.finding == .broken(sequence: 4, reason: .sequenceGap))
            try await app.db.sql.raw("DELETE FROM access_log_entries WHERE sequence = 2").run()
            #expect(try await AuditVerifier.verifyAll(app).first?.finding == .broken(sequence: 3, reason: .sequenceGap))
        }
    }

    @Test func auditVerifyCommandFailsOnTampering() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            try await append(2, tenantID: tenant.id, on: app)
            let command = AuditCommand()
            let console = TestConsole()
            var input = CommandInput(arguments: ["samenspel", "verify"])
            try await console.run(command, with: &input, app: app)
            try await app.db.sql.raw("UPDATE access_log_entries SET event = 'nothing' WHERE sequence = 1").run()
            var again = CommandInput(arguments: ["samenspel", "verify"])
            await #expect(throws: AuditCommand.TamperedLog.self) {
                try await console.run(command, with: &again, app: app)
            }
        }
    }

    @Test func concurrentAppendsNeverForkTheChain() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            let tenantID = tenant.id
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await append(5, tenantID: tenantID, on: app) }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditVerifier.verifyAll(app).first?.finding == .intact(count: 40))
        }
    }
}

extension AccessLogTests {
    /// Page views log through the group commit: many at once share
    /// transactions, and the chain stays whole, gap-free and in order.
    @Test func groupCommittedAppendsKeepOneUnbrokenChain() async throws {
        try await withApp { app in
            let tenantID = try await Fixtures(app: app).tenant().id
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await app.accessLogBatcher.append(AuditRecord(
                            occurredAt: Date(), event: "test.view", outcome: .allowed, tenantID: tenantID,
                            userName: "viewer\(index)", basis: .involvement, objectType: "test", objectID: String(index)
                        ))
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditVerifier.verifyAll(app).first?.finding == .intact(count: 40))
            let sequences = try await AccessLogEntry.query(on: app.db).filter(\.$event == "test.view").all().map(\.sequence).sorted()
            #expect(sequences == Array(1...40))
        }
    }
}

/// Runs a command as the executable would, with output kept out of the test log.
final class TestConsole: Console, @unchecked Sendable {
    var size: (width: Int, height: Int) { (80, 24) }
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {}
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) {}

    func run(_ command: some AsyncCommand, with input: inout CommandInput, app: Application) async throws {
        let context = CommandContext(console: self, input: input)
        var withApp = context
        withApp.application = app
        try await command.run(using: &withApp)
    }
}
