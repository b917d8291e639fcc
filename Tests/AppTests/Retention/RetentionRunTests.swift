import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 26: what passed its period is erased by itself, what a resident
/// asks to erase goes when the law allows, and nothing of it stays behind —
/// on both databases, with the day fixed by the test.
@Suite("Retention and erasure")
struct RetentionRunTests {
    static let today = CivilDay.today()

    /// Ends every involvement of the household on `day`: the file closed then.
    static func close(_ scenario: HouseholdScenario, on day: CivilDay) async throws {
        try await scenario.app.db.sql.raw("""
            UPDATE involvements SET starts_on = '2000-01-01', ends_on = \(bind: day.iso)
            WHERE tenant_id = \(bind: try scenario.tenant.requireID()) AND household_id = \(bind: scenario.householdID)
            """).run()
    }

    static func run(_ app: Application, tenantID: UUID, dryRun: Bool) async throws -> RetentionRun.Report {
        try await RetentionRun(db: app.db, rules: app.retentionRules, keys: app.config.keys, documents: Documents.store(app)).run(tenantID: tenantID, today: today, dryRun: dryRun)
    }

    /// Every text anywhere in the database that contains one of `needles`, as "table: text".
    static func leftovers(of needles: [String], in db: any Database) async throws -> [String] {
        let sql = db.sql
        let tables = try await (sql.dialect.name == "sqlite"
            ? sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
            : sql.raw("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()").all())
            .map { try $0.decode(column: "name", as: String.self) }
        var found: [String] = []
        for table in tables {
            for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                for column in row.allColumns {
                    guard let text = try? row.decode(column: column, as: String.self) else { continue }
                    if needles.contains(where: { text.contains($0) }) { found.append("\(table).\(column): \(text.prefix(80))") }
                }
            }
        }
        return found
    }

    @Test func aFilePastItsPeriodIsListedThenErasedAndTheLogStillVerifies() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            _ = try await scenario.goal(.finances, "Schulden van Fatima aflossen")
            #expect(try await scenario.coordinator.post(SiteRoute.notes.path(scenario.householdID), ["domain": "finances", "kind": "note", "occurred_on": Day.today(), "text": "Gesprek met mevrouw El Amrani"]).status == .seeOther)
            let conversation = try await ConversationTests.start(in: scenario, subject: "Schulden van Fatima")
            _ = try await scenario.coordinator.post(SiteRoute.conversationReplies.path(scenario.householdID, conversation), ["text": "Tweede bericht"])
            try await Self.close(scenario, on: Self.today.adding(months: -85))

            let listed = try await Self.run(app, tenantID: tenantID, dryRun: true)
            #expect(listed.files.map(\.householdID) == [scenario.householdID] && listed.files.first?.kind == .householdFile)
            #expect(try await Household.find(scenario.householdID, on: app.db)?.anonymisedAt == nil, "a dry run changes nothing")
            let lookup = KeyedHash(key: app.config.keys.session).hex(HouseholdScenario.bsn, purpose: "bsn")
            let identifying = ["El Amrani", "Fatima", "Dorpsstraat", HouseholdScenario.bsn, lookup]
            #expect(try await Self.leftovers(of: identifying, in: app.db).count >= 4, "the scanner sees them before")

            let done = try await Self.run(app, tenantID: tenantID, dryRun: false)
            #expect(done.files.count == 1)
            let household = try #require(try await Household.find(scenario.householdID, on: app.db))
            #expect(household.anonymisedAt != nil && household.name.isEmpty && household.postcode == "1234")
            let resident = try #require(try await Resident.query(on: app.db).filter(\.$householdID == scenario.householdID).first())
            #expect(resident.birthDate == "1984-07-01" && resident.bsnLookup == nil && resident.bsnEncrypted == nil)
            #expect(try await Note.query(on: app.db).count() == 0)
            let left = [try await Conversation.query(on: app.db).count(), try await Message.query(on: app.db).count(),
                        try await ConversationParticipant.query(on: app.db).count()]
            #expect(left == [0, 0, 0], "conversations, messages and who read them go with the file")
            #expect(try await Self.leftovers(of: identifying, in: app.db) == [])

            let erased = try await AccessLogEntry.query(on: app.db).filter(\.$event == "retention.erased").all()
            #expect(erased.count == 1 && erased.first?.subjectID == scenario.householdID)
            #expect(!RetentionRunTests.isBroken(try await AuditVerifier.verifyAll(app)), "the chain verifies after erasure")
            #expect(try await Self.run(app, tenantID: tenantID, dryRun: false).files.isEmpty, "erased once")
        }
    }

    @Test func aYouthFileAHeldFileAndAnOpenFileStay() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            try await Self.close(scenario, on: Self.today.adding(months: -85))
            let child = Resident(tenantID: tenantID, householdID: scenario.householdID, givenName: "Sami", familyName: "El Amrani",
                                 birthDate: Self.today.adding(months: -85 - 12 * 10).iso, relation: .child)
            try await child.create(on: app.db)
            #expect(try await Self.run(app, tenantID: tenantID, dryRun: true).files.isEmpty, "a minor was in it: kept 20 years")

            try await child.delete(on: app.db)
            let hold = LegalHold(tenantID: tenantID, householdID: scenario.householdID, reason: "bezwaar 2026-17", placedBy: try await User.query(on: app.db).first()!.requireID(), at: Date())
            try await hold.create(on: app.db)
            #expect(try await Self.run(app, tenantID: tenantID, dryRun: true).files.isEmpty, "a legal hold keeps it")

            try await hold.delete(on: app.db)
            try await app.db.sql.raw("UPDATE involvements SET ends_on = NULL WHERE tenant_id = \(bind: tenantID)").run()
            #expect(try await Self.run(app, tenantID: tenantID, dryRun: true).files.isEmpty, "an open file stays")
        }
    }

    @Test func theMonitorCountsAnErasedFileAsARebuildWould() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            _ = try await scenario.goal(.finances, "Overzicht")
            let refresher = app.monitorRefresher(tenantID: tenantID)
            try await refresher.run(.rebuild)
            try await Self.close(scenario, on: Self.today.adding(months: -85))
            _ = try await Self.run(app, tenantID: tenantID, dryRun: false)
            try await refresher.run(.refresh)
            let refreshed = try await MonitorRefreshTests.cells(app.db, tenantID)
            try await refresher.run(.rebuild)
            #expect(try await MonitorRefreshTests.cells(app.db, tenantID) == refreshed)
            #expect(!refreshed.isEmpty)
        }
    }

    static func isBroken(_ reports: [AuditVerifier.ChainReport]) -> Bool {
        reports.contains { if case .broken = $0.finding { true } else { false } }
    }
}
