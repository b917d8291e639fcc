import Domain
import Fluent
import Foundation
import Logging
import Testing
import VaporTesting
@testable import App

/// Issue 27: each request can be answered by one shard. The busiest pages
/// and the write paths of a household's life — intake, goal, action, note,
/// assessment, referral and its answer, the portal's code, steps and
/// signature, the monitor — are walked with every statement collected from
/// the SQL log; a statement touching a distributed table without a bound
/// tenant a router could use fails the test.
@Suite("Every statement names its tenant")
struct TenantRoutingTests {
    @Test func theCheckerKnowsARoutableStatement() {
        let routable = [
            #"SELECT "goals"."id" FROM "goals" WHERE "goals"."tenant_id" = $1 AND "goals"."id" = $2"#,
            "SELECT h.id FROM households h JOIN residents r ON r.household_id = h.id AND r.tenant_id = h.tenant_id WHERE h.tenant_id = ?1",
            #"INSERT INTO "goals" ("id", "tenant_id", "title") VALUES ($1, $2, $3)"#,
            "UPDATE access_log_heads SET sequence = sequence + 1 WHERE chain = $1 RETURNING sequence, hash",
            #"SELECT "users"."id" FROM "users" WHERE "users"."username" = $1"#,
            "SELECT reassessment_months FROM tenants WHERE id = $1",
        ]
        for sql in routable { #expect(TenantRouting.problem(sql) == nil, "\(sql)") }
        let unroutable = [
            #"UPDATE "goals" SET "title" = $1 WHERE "goals"."id" = $2"#,
            "SELECT h.id FROM households h JOIN residents r ON r.household_id = h.id WHERE h.tenant_id = ?1",
            #"INSERT INTO "notes" ("id", "household_id") VALUES ($1, $2)"#,
            "SELECT COUNT(*) FROM referrals WHERE tenant_id IN ($1, $2)",
            "DELETE FROM access_log_entries WHERE id = $1",
        ]
        for sql in unroutable { #expect(TenantRouting.problem(sql) != nil, "\(sql)") }
    }

    @Test func theBusiestPagesAndTheWritePathsNameTheirTenant() async throws {
        let collector = SQLCollector()
        collector.record(false)
        try await withApp(logHandler: collector) { app in
            let scenario = try await ReferralScenario.make(app)
            let base = scenario.base, coordinator = base.coordinator, household = base.householdID
            _ = try await base.consent([.finances], for: base.partner)
            let resident = try await base.resident()
            /// The test's own look-ups (by id alone) are not the app's statements.
            func unrecorded<T>(_ body: () async throws -> T) async rethrows -> T {
                collector.record(false)
                defer { collector.record(true) }
                return try await body()
            }
            func step(_ status: String, outcome: String = "") async throws -> HTTPStatus {
                let referral = try await unrecorded { try await scenario.referral() }
                try await scenario.receiver.get(SiteRoute.referral.path(referral.id!))
                return try await scenario.receiver.post(SiteRoute.referralStatus.path(referral.id!),
                                                        ["status": status, "outcome": outcome, "note": "", "version": String(referral.version), "confirm": "on"]).status
            }
            collector.record(true)

            for path in ["/worklist", base.path, "/households", "/social-map", "/social-map?q=schuld", "/referrals", "/notifications"] {
                #expect(try await coordinator.get(path).status == .ok, "\(path)")
            }
            #expect(try await coordinator.post("/households", HouseholdScenario.intake(["family_name": "Jansen", "bsn": ""])).status == .seeOther)
            #expect(try await coordinator.post(SiteRoute.goals.path(household), ["domain": "finances", "title": "Een buffer opbouwen"]).status == .seeOther)
            #expect(try await coordinator.post(SiteRoute.actions.path(household, scenario.goal.id!),
                                               ["description": "Afspraak bij de bank", "owner_kind": "professional", "due_on": Day.today()]).status == .seeOther)
            #expect(try await coordinator.post(SiteRoute.notes.path(household),
                                               ["domain": "finances", "kind": "note", "occurred_on": Day.today(), "text": "Brief van de energieleverancier"]).status == .seeOther)
            #expect(try await coordinator.post(try base.assessmentsPath(resident), HouseholdScenario.form(["finances": "2"])).status == .seeOther)
            #expect(try await scenario.send().status == .seeOther)
            #expect(try await step("accepted") == .seeOther)
            #expect(try await step("completed", outcome: "got_help") == .seeOther)
            let referralID = try await unrecorded { try await scenario.referral().requireID() }
            #expect(try await coordinator.get(SiteRoute.referral.path(referralID)).status == .ok)

            let codePage = try await coordinator.post(SiteRoute.portalCode.path(household, try resident.requireID()))
            let code = try #require(TestClient.firstMatch(#"id="portal-code">([A-Z0-9-]+)<"#, in: codePage.body.string))
            let person = TestClient(app)
            try await person.get("/portal/activate")
            let password = "mijn eigen wachtwoord"
            #expect(try await person.post("/portal/activate", ["code": code, "username": "fatima", "password": password, "password_confirmation": password]).status == .seeOther)
            try await person.get("/login")
            #expect(try await person.post("/login", ["username": "fatima", "password": password]).status == .seeOther)
            for path in ["/portal", "/portal/who-looked", "/portal/my-data"] { #expect(try await person.get(path).status == .ok, "\(path)") }
            #expect(try await person.post("/portal/actions", ["goal_id": scenario.goal.id!.uuidString, "description": "Post elke week openen"]).status == .seeOther)
            #expect(try await person.post("/portal/sign").status == .seeOther)

            let (_, secret) = try await unrecorded { try await base.fixtures.user("pieter", role: .analyst, in: base.tenant) }
            let analyst = TestClient(app)
            try await base.fixtures.signIn(analyst, "pieter", secret: secret)
            for path in ["/monitor", "/monitor/indicators/referrals-sent?by=organization"] { #expect(try await analyst.get(path).status == .ok, "\(path)") }

            let statements = Set(collector.statements)
            #expect(statements.count >= 60, "the journey's statements were collected: \(statements.count)")
            for sql in statements.sorted() {
                if let problem = TenantRouting.problem(sql) { Issue.record("\(problem):\n\(sql)") }
            }
        }
    }
}
