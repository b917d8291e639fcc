import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Worklist and timeline")
struct WorklistTimelineTests {
    @Test func timelineShowsChangesOnlyInDomainsTheViewerMaySee() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get(scenario.path)
            try await client.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": "Rekeningen betalen"])
            try await client.post(SiteRoute.notes.path(scenario.householdID), ["domain": "finances", "occurred_on": Day.today(), "text": "Gesprek"])
            let page = try await client.get(scenario.path).body.string
            #expect(page.contains("Doel toegevoegd (Financiën)"))
            #expect(page.contains("Notitie geschreven (Financiën)"))
            #expect(page.contains("Huishouden aangemeld"))

            _ = try await scenario.consent([.housing], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.housing])
            let partner = try await scenario.professional("woon", of: scenario.partner)
            let seen = try await partner.get(scenario.path).body.string
            #expect(seen.contains("Huishouden aangemeld"))
            #expect(!seen.contains("Doel toegevoegd (Financiën)"))
            #expect(!seen.contains("Notitie geschreven"))
        }
    }

    @Test func worklistShowsDueAndOverdueActions() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let finance = try await scenario.goal(.finances, "Rekeningen")
            let housing = try await scenario.goal(.housing, "Woning")
            let tenantID = try scenario.tenant.requireID()
            let make = { (goal: Goal, text: String, due: String) in
                try await PlanAction(tenantID: tenantID, householdID: scenario.householdID, goalID: try goal.requireID(), description: text, owner: .resident(name: nil), dueOn: due).create(on: app.db)
            }
            try await make(finance, "Bank bellen", Day.today())
            try await make(finance, "Formulier inleveren", "2020-01-01")
            try await make(finance, "Later", "2099-01-01")
            try await make(housing, "Huurachterstand", Day.today())
            let page = try await scenario.coordinator.get("/worklist")
            #expect(page.status == .ok)
            let body = page.body.string
            let overdue = body.range(of: "Over tijd")!, week = body.range(of: "Deze week")!
            #expect(body.range(of: "Formulier inleveren")!.lowerBound > overdue.lowerBound && body.range(of: "Formulier inleveren")!.lowerBound < week.lowerBound)
            #expect(body.range(of: "Bank bellen")!.lowerBound > week.lowerBound)
            #expect(!body.contains("Later"))
            // The coordinator works on finances only: housing actions stay out of sight.
            #expect(!body.contains("Huurachterstand"))
            #expect(body.contains("Huishouden El Amrani"))
        }
    }
}
