import Domain
import Foundation
import Logging
import Testing
import VaporTesting
@testable import App

/// Issue 6: a page's round trips to the database may not grow with what it
/// shows. The busiest pages send as many statements for four households
/// with three goals each as for one household with one goal; a query per
/// row (N+1) shows up here, on any machine, long before a benchmark sees it.
@Suite("Statements per page")
struct StatementCountTests {
    @Test func theBusiestPagesSendAsManyStatementsForAFullCaseloadAsForASmallOne() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await Self.goalWithAction(.finances, in: scenario.householdID, scenario)
            let pages = ["/worklist", scenario.path, "/households", "/referrals", "/social-map"]
            let small = try await Self.statements(on: pages, scenario)

            for name in ["Jansen", "De Boer", "Visser"] {
                let created = try await scenario.coordinator.post("/households", HouseholdScenario.intake(["family_name": name, "bsn": ""]))
                #expect(created.status == .seeOther)
            }
            let households = try await Household.query(on: app.db).all().map { try $0.requireID() }
            #expect(households.count == 4)
            for household in households {
                for _ in 0..<(household == scenario.householdID ? 2 : 3) { try await Self.goalWithAction(.finances, in: household, scenario) }
            }
            let full = try await Self.statements(on: pages, scenario)

            #expect(full == small)
            #expect(small["/worklist"] ?? 0 > 5, "the statements were counted")
        }
    }

    /// A goal, and an action on it due today (so it is on the worklist).
    static func goalWithAction(_ domain: LifeDomain, in householdID: UUID, _ scenario: HouseholdScenario) async throws {
        let goal = Goal(tenantID: try scenario.tenant.requireID(), householdID: householdID, domain: domain, title: "Rust in de financiën", target: nil)
        try await goal.create(on: scenario.app.db)
        let action = try await scenario.coordinator.post(SiteRoute.actions.path(householdID, try goal.requireID()),
                                                         ["description": "Bellen", "owner_kind": "professional", "due_on": Day.today()])
        #expect(action.status == .seeOther)
    }

    /// The number of statements each page sends, from the SQL log.
    static func statements(on pages: [String], _ scenario: HouseholdScenario) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for page in pages {
            let collector = SQLCollector()
            let logger = scenario.app.logger
            scenario.app.logger = Logger(label: "sql") { _ in collector }
            let response = try await scenario.coordinator.get(page)
            scenario.app.logger = logger
            #expect(response.status == .ok, "\(page)")
            // The session's once-a-minute "last seen" write depends on the
            // clock, not on the page: a slow run would count it on one side only.
            counts[page] = collector.statements.filter { !$0.hasPrefix(#"UPDATE "user_sessions""#) }.count
        }
        return counts
    }
}
