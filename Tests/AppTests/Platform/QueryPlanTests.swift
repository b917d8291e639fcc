import Domain
import Fluent
import Foundation
import Logging
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 6: no scan that grows with the data. The busiest pages are walked
/// with every statement they send collected from the SQL log; SQLite then
/// explains each one, and a statement that reads a whole table of resident
/// or social-map data fails the test. A dropped or missing index shows up
/// here, not only in a benchmark at 100,000 residents.
@Suite("Query plans of the busiest pages")
struct QueryPlanTests {
    /// Tables that stay small whatever the number of residents: reading them whole is fine.
    static let small: Set<String> = ["tenants", "organizations", "users", "access_log_heads", "_fluent_migrations", "sqlite_master", "event_subscriptions", "signal_partners"]

    @Test func noPageReadsAWholeTableThatGrowsWithTheMunicipality() async throws {
        guard TestDatabase.postgresURL == nil else { return }  // the plans asked for are SQLite's
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rust in de financiën")
            let action = try await scenario.coordinator.post(SiteRoute.actions.path(scenario.householdID, try goal.requireID()),
                                                             ["description": "Afspraak bij de bank", "owner_kind": "professional", "due_on": Day.today()])
            #expect(action.status == .seeOther)
            let map = SocialMapFixtures(app: app, tenantID: try scenario.tenant.requireID())
            try await map.service("Schuldhulp", at: try await map.provider("Stichting Geld"), areas: ["1234"])

            let collector = SQLCollector()
            let logger = app.logger
            app.logger = Logger(label: "sql") { _ in collector }
            for path in ["/worklist", SiteRoute.household.path(scenario.householdID), "/households", "/social-map", "/social-map?q=schuld&area=1234", "/referrals"] {
                #expect(try await scenario.coordinator.get(path).status == .ok, "\(path)")
            }
            app.logger = logger

            let statements = Set(collector.statements.filter { $0.range(of: #"(?i)^\s*SELECT"#, options: .regularExpression) != nil })
            #expect(statements.count >= 20, "the pages' statements were collected")
            try await Self.expectNoWholeTableReads(statements, on: app.db)
        }
    }

    /// Issue 27: a write must not cost more in a bigger municipality either.
    /// A household's write paths — a goal, an action, a referral sent,
    /// accepted and completed — with every statement (transactions
    /// included): no select, update or delete reads a whole table.
    @Test func noWritePathReadsAWholeTableThatGrowsWithTheMunicipality() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        let collector = SQLCollector()
        collector.record(false)
        try await withApp(logHandler: collector) { app in
            let scenario = try await ReferralScenario.make(app)
            let base = scenario.base
            _ = try await base.consent([.finances], for: base.partner)
            collector.record(true)
            #expect(try await base.coordinator.post(SiteRoute.goals.path(base.householdID), ["domain": "finances", "title": "Een buffer opbouwen"]).status == .seeOther)
            #expect(try await base.coordinator.post(SiteRoute.actions.path(base.householdID, scenario.goal.id!),
                                                    ["description": "Afspraak bij de bank", "owner_kind": "professional", "due_on": Day.today()]).status == .seeOther)
            #expect(try await scenario.send().status == .seeOther)
            for (status, outcome) in [("accepted", ""), ("completed", "got_help")] {
                collector.record(false)
                let referral = try await scenario.referral()
                collector.record(true)
                #expect(try await scenario.receiver.post(SiteRoute.referralStatus.path(referral.id!),
                                                         ["status": status, "outcome": outcome, "note": "", "version": String(referral.version), "confirm": "on"]).status == .seeOther)
            }
            collector.record(false)
            let statements = Set(collector.statements.filter { $0.range(of: #"(?i)^\s*(SELECT|UPDATE|DELETE)"#, options: .regularExpression) != nil })
            #expect(statements.count >= 20, "the writes' statements were collected: \(statements.count)")
            try await Self.expectNoWholeTableReads(statements, on: app.db)
        }
    }

    /// Issue 27: a receiving organisation's queue (the 50 unanswered
    /// referrals due first) is read in due order, not sorted after reading
    /// every waiting referral: 4,205 for the demo's debt help at 1,000,000
    /// residents, where that doubled the worklist's cost.
    @Test func theQueueOfAReceiverIsReadInDueOrder() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        let collector = SQLCollector()
        try await withApp(logHandler: collector) { app in
            let tenant = try await Fixtures(app: app).tenant()
            _ = try await Referral.awaitingAnswer(by: UUID(), tenantID: try tenant.requireID(), limit: 50, on: app.db)
            let sql = try #require(collector.statements.last { $0.contains("receiver_organization_id") && $0.contains("LIMIT") })
            let plan = try await app.db.sql.raw(SQLQueryString("EXPLAIN QUERY PLAN " + sql)).all().map { try $0.decode(column: "detail", as: String.self) }
            #expect(plan.contains { $0.contains("referrals_receiver_due") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }

    /// Issue 22: a refresh after a few changes must cost the same in a city of
    /// 1,000,000 as in one of 100,000. Its reads, planned with the large city's
    /// statistics: none walks a whole table (a UNION of the changed rows once
    /// made SQLite walk every table's household index to merge them in order).
    @Test func theMonitorRefreshReadsOnlyWhatChangedInALargeCity() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        let collector = SQLCollector()
        collector.record(false)
        try await withApp(logHandler: collector) { app in
            let (_, refresher) = try await MonitorChanges.countedThenChanged(app, residents: 60, seed: 9)
            collector.record(true)
            #expect(try await refresher.run(.refresh).households > 0)
            collector.record(false)
            let statements = Set(collector.statements.filter { $0.range(of: #"(?i)^\s*SELECT"#, options: .regularExpression) != nil })
            #expect(statements.count >= 10, "the refresh's statements were collected: \(statements.count)")
            // One connection: SQLite reads statistics per connection.
            try await app.db.withConnection { connection in
                try await LargeCityStatistics.load(on: connection)
                try await Self.expectNoWholeTableReads(statements, on: connection)
            }
        }
    }

    /// Issue 26: the mail round runs every half minute on every server: the
    /// reminders it looks for and the queue it sends are found by index.
    @Test func theMailRoundReadsNoWholeTable() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        let collector = SQLCollector()
        collector.record(false)
        try await withApp(logHandler: collector) { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samenspel-mail-\(UUID().uuidString)").path
            collector.record(true)
            try await Reminders(db: app.db).sendDue(now: Date().addingTimeInterval(30 * 24 * 3600))
            try await MailQueueTests.delivery(app, to: MailFolder(path: folder)).deliverDue()
            collector.record(false)
            let statements = Set(collector.statements.filter { $0.range(of: #"(?i)^\s*(SELECT|UPDATE|DELETE)"#, options: .regularExpression) != nil })
            #expect(statements.count >= 6, "the round's statements were collected: \(statements.count)")
            try await Self.expectNoWholeTableReads(statements, on: app.db)
        }
    }

    /// Issue 23: taking signals in (by API and by file), the triage queue
    /// and a case find what they need by index, however many signals came before.
    @Test func theSignalPathsReadNoWholeTable() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        let collector = SQLCollector()
        collector.record(false)
        try await withApp(logHandler: collector) { app in
            let setup = try await SignalUploadTests.setUp(app)
            let triage = try await setup.scenario.professional("schuldhulp", of: setup.scenario.partner)
            // The test's own look-ups (by id, across tenants) are not the app's: only the requests and the import are recorded.
            collector.record(true)
            let path = try await SignalUploadTests.send(SignalUploadTests.file, as: setup.partner)
            #expect(try await setup.partner.post(path + "/mapping", SignalUploadTests.mapping).status == .seeOther)
            collector.record(false)
            let checked = try await SignalUploadTests.upload(app, path)
            collector.record(true)
            #expect(try await setup.partner.post(path + "/import", ["version": String(checked.version), "mode": "valid_only"]).status == .seeOther)
            // The import runs in the background: recorded until it is done, waited for by its tenant and id.
            for _ in 0..<300 where try await SignalUpload.select(in: checked.tenantID, where: "id = \(bind: try checked.requireID())", limit: 1, on: app.db)
                .first?.uploadStatus != .imported { try await Task.sleep(for: .milliseconds(50)) }
            collector.record(false)
            let signalCase = try #require(try await SignalCase.query(on: app.db).first())
            collector.record(true)
            #expect(try await triage.get(SiteRoute.signalCases.path()).status == .ok)
            #expect(try await triage.get(SiteRoute.signalCase.path(try signalCase.requireID())).status == .ok)
            collector.record(false)
            let statements = Set(collector.statements.filter { $0.range(of: #"(?i)^\s*(SELECT|UPDATE|DELETE)"#, options: .regularExpression) != nil }
                .filter { $0.contains("signal") })
            #expect(statements.count >= 10, "the signal paths' statements were collected: \(statements.count)")
            // Planned as for a large city: without the few rows' statistics the import had SQLite write
            // (`QueryPlannerStatistics.keepCurrent`), under which reading a tiny table whole is right.
            try await app.db.withConnection { connection in
                try await connection.sql.raw("DELETE FROM sqlite_stat1 WHERE tbl LIKE 'signal%'").run()
                try await connection.sql.raw("ANALYZE sqlite_schema").run()
                try await Self.expectNoWholeTableReads(statements, on: connection)
            }
        }
    }

    static func expectNoWholeTableReads(_ statements: Set<String>, on db: any Database) async throws {
        for sql in statements.sorted() {
            // Unbound parameters are NULL: the plan does not depend on the values.
            let plan = try await db.sql.raw(SQLQueryString("EXPLAIN QUERY PLAN " + sql)).all().map { try $0.decode(column: "detail", as: String.self) }
            for table in wholeTenantReads(plan, sql: sql) where !small.contains(table) {
                Issue.record("reads all of \(table):\n\(plan.joined(separator: "\n"))\n\(sql)")
            }
        }
    }

    /// The tables a plan reads whole: "SCAN t", or an index walked by the
    /// tenant alone ("SEARCH t USING INDEX i (tenant_id=?)") unless the walk
    /// stops early (a LIMIT, in the index's order); aliases resolved.
    static func wholeTenantReads(_ plan: [String], sql: String) -> [String] {
        var tables: [String: String] = [:]
        let pattern = #"(?i)\b(?:FROM|JOIN|UPDATE)\s+"?([a-z_]+)"?(?:\s+(?:AS\s+)?"?([a-z]\w*)"?)?"#
        let regex = try! NSRegularExpression(pattern: pattern)
        for match in regex.matches(in: sql, range: NSRange(sql.startIndex..., in: sql)) {
            guard let tableRange = Range(match.range(at: 1), in: sql) else { continue }
            let table = String(sql[tableRange])
            tables[table] = table
            if let aliasRange = Range(match.range(at: 2), in: sql), !["WHERE", "JOIN", "ON", "LEFT", "INNER", "GROUP", "ORDER", "LIMIT", "USING", "SET"].contains(sql[aliasRange].uppercased()) {
                tables[String(sql[aliasRange])] = table
            }
        }
        let stopsEarly = sql.range(of: #"(?i)\bLIMIT\b"#, options: .regularExpression) != nil && !plan.contains { $0.contains("TEMP B-TREE FOR ORDER BY") }
        // Subqueries' and VALUES' rows ("SCAN unassigned", "SCAN 3 CONSTANT ROWS") are not tables.
        return plan.compactMap { line in
            if let name = HandWrittenSQLTests.matches(#"^SCAN (?:TABLE )?(\w+)"#, in: line).first { return tables[name] }
            if !stopsEarly, let name = HandWrittenSQLTests.matches(#"^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \(tenant_id=\?\)$"#, in: line).first { return tables[name] }
            return nil
        }
    }

    @Test func theCheckerResolvesAliasesAndKnowsASearchFromAScan() {
        let sql = "SELECT h.id FROM households h JOIN involvements AS i ON i.household_id = h.id WHERE h.tenant_id = ?1"
        #expect(Self.wholeTenantReads(["SCAN h", "SEARCH i USING INDEX involvements_household_organization (tenant_id=? AND household_id=?)"], sql: sql) == ["households"])
        #expect(Self.wholeTenantReads(["SEARCH h USING INDEX households_tenant_name_id (tenant_id=?)", "SCAN 3 CONSTANT ROWS"], sql: sql) == ["households"])
        #expect(Self.wholeTenantReads(["SEARCH h USING INDEX households_tenant_name_id (tenant_id=?)"], sql: sql + " ORDER BY h.name LIMIT 51") == [])
        #expect(Self.wholeTenantReads(["SEARCH h USING INDEX households_tenant_name_id (tenant_id=?)", "USE TEMP B-TREE FOR ORDER BY"], sql: sql + " ORDER BY h.street LIMIT 51") == ["households"])
        #expect(Self.wholeTenantReads(["CO-ROUTINE unassigned", "SCAN unassigned"], sql: "SELECT COUNT(*) FROM (SELECT 1 FROM involvements i) unassigned") == [])
        #expect(Self.wholeTenantReads(["SCAN referrals"], sql: #"UPDATE "referrals" SET "status" = ?1 WHERE "id" = ?2"#) == ["referrals"])
    }
}

/// Keeps the statements SQLKit logs (at debug level, with the SQL as metadata).
final class SQLCollector: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    /// Off, a collector keeps nothing (set up before the app, it hears the migrations too).
    private var recording = true
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        guard case .string(let sql)? = metadata?["sql"] else { return }
        lock.withLock { if recording { collected.append(sql) } }
    }

    var statements: [String] { lock.withLock { collected } }
    func record(_ on: Bool) { lock.withLock { recording = on } }
}
