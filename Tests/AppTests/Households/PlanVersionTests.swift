import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Plan versions and review")
struct PlanVersionTests {
    typealias GoalItem = PortalData.GoalItem
    typealias ActionItem = PortalData.ActionItem

    func goal(_ id: String, _ title: String, status: String = "Open", actions: [ActionItem] = []) -> GoalItem {
        GoalItem(id: id, domain: "Financiën", title: title, target: "", status: status, actions: actions)
    }

    @Test func diffNamesWhatWasAddedRemovedAndChanged() {
        let step = ActionItem(id: "a1", description: "Bank bellen", owner: "", due: "", status: "Open", canMarkDone: true)
        let old = [goal("1", "Rekeningen"), goal("2", "Werk zoeken", actions: [step])]
        var doneStep = step
        doneStep = ActionItem(id: "a1", description: "Bank bellen", owner: "", due: "", status: "Gedaan", canMarkDone: false)
        let new = [goal("2", "Werk zoeken", status: "Bereikt", actions: [doneStep]), goal("3", "Rust")]
        let changes = PlanDiff.compare(old, new)
        #expect(changes.map(\.kind) == [.changed, .added, .removed])
        #expect(changes[0].details == ["Open → Bereikt", "Bank bellen: Open → Gedaan"])
        #expect(changes[2].title == "Rekeningen")
        #expect(PlanDiff.compare(new, new).isEmpty)
    }

    @Test func paperSignatureVersionsAndComparison() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            _ = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let resident = try #require(try await Resident.query(on: app.db).first())
            var page = try await client.get(scenario.path)
            #expect(page.body.string.contains("Het plan is nog niet getekend."))
            #expect(try await client.post(SiteRoute.planPaperSignature.path(scenario.householdID), ["resident_id": try resident.requireID().uuidString]).status == .seeOther)
            page = try await client.get(scenario.path)
            #expect(page.body.string.contains("Versie 1 is getekend op"))
            #expect(!page.body.string.contains("de wijzigingen zijn nog niet getekend"))

            // A change after signing is flagged, and the comparison shows it.
            _ = try await scenario.goal(.finances, "Budgetcursus volgen")
            page = try await client.get(scenario.path)
            #expect(page.body.string.contains("de wijzigingen zijn nog niet getekend"))
            let compare = try await client.get(SiteRoute.planVersions.path(scenario.householdID) + "?from=1&to=0")
            #expect(compare.status == .ok)
            #expect(compare.body.string.contains("Nieuw: Budgetcursus volgen"))
            #expect(try await client.get(SiteRoute.planVersions.path(scenario.householdID) + "?from=7&to=0").body.string.contains("Deze versie bestaat niet."))
            #expect(try await PlanVersion.query(on: app.db).first()?.method == "signed_on_paper")
        }
    }

    @Test func reviewDatesAreInTheFutureAndOverdueOnesReachTheWorklist() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get(scenario.path)
            let past = try await client.post(SiteRoute.planReview.path(scenario.householdID), ["review_on": "2020-01-01"])
            #expect(past.status == .unprocessableEntity)
            #expect(past.body.string.contains("Kies een evaluatiedatum vandaag of later."))
            #expect(try await client.post(SiteRoute.planReview.path(scenario.householdID), ["review_on": "2099-01-01"]).status == .seeOther)
            #expect(!(try await client.get("/worklist").body.string.contains("(2099-01-01)")))
            let household = try #require(try await Household.find(scenario.householdID, on: app.db))
            household.reviewOn = "2021-05-01"
            try await household.save(on: app.db)
            #expect(try await client.get("/worklist").body.string.contains("Huishouden El Amrani (2021-05-01)"))
            #expect(try await client.get(scenario.path).body.string.contains("De evaluatiedatum (2021-05-01) is voorbij."))
        }
    }
}
