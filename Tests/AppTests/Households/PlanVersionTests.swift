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
        let step = ActionItem(id: "a1", description: "Bank bellen", owner: "", due: "", status: "Open", doneAction: "/done")
        let old = [goal("1", "Rekeningen"), goal("2", "Werk zoeken", actions: [step])]
        var doneStep = step
        doneStep = ActionItem(id: "a1", description: "Bank bellen", owner: "", due: "", status: "Gedaan", doneAction: nil)
        let new = [goal("2", "Werk zoeken", status: "Bereikt", actions: [doneStep]), goal("3", "Rust")]
        let changes = PlanDiff.compare(old, new)
        #expect(changes.map(\.kind) == [.changed, .added, .removed])
        #expect(changes[0].details == ["Open → Bereikt", "Bank bellen: Open → Gedaan"])
        #expect(changes[2].title == "Rekeningen")
        #expect(PlanDiff.compare(new, new).isEmpty)
    }

    /// Ticking a step off is progress, not a change to what was agreed.
    @Test func progressAloneDoesNotChangeTheAgreement() {
        let step = ActionItem(id: "a1", description: "Bank bellen", owner: "", due: "", status: "Open", doneAction: "/done")
        let done = ActionItem(id: "a1", description: "Bank bellen", owner: "", due: "", status: "Gedaan", doneAction: nil)
        let signed = [goal("1", "Werk zoeken", actions: [step])]
        #expect(PlanDiff.compare(signed, [goal("1", "Werk zoeken", status: "Bereikt", actions: [done])], progress: false).isEmpty)
        #expect(!PlanDiff.compare(signed, [goal("1", "Werk zoeken", actions: [step, ActionItem(id: "a2", description: "Cv maken", owner: "", due: "", status: "Open", doneAction: "/done")])], progress: false).isEmpty)
    }

    @Test func aResidentSignsOnceAndTheSignatureHoldsWhileStepsAreDone() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let action = PlanAction(tenantID: goal.tenantID, householdID: goal.householdID, goalID: try goal.requireID(), description: "Bank bellen", owner: .resident(name: nil), dueOn: nil)
            try await action.create(on: app.db)
            let resident = try await ActionRightsTests.residentClient(scenario)
            var portal = try await resident.get(SiteRoute.portal.path())
            #expect(portal.body.string.contains(#"action="/portal/sign""#))

            let signed = try await resident.post(SiteRoute.portalSign.path(), [:])
            #expect(signed.headers.first(name: .location) == "/portal?notice=plan_signed#plan")
            portal = try await resident.get(SiteRoute.portal.path() + "?notice=plan_signed")
            #expect(portal.body.string.contains("Plan getekend. Dank u wel."))
            #expect(portal.body.string.contains("U heeft dit plan getekend (versie 1"))
            #expect(!portal.body.string.contains(#"action="/portal/sign""#), "the same version is offered to sign again")

            // A second click signs nothing new.
            let again = try await resident.post(SiteRoute.portalSign.path(), [:])
            #expect(again.headers.first(name: .location) == "/portal?notice=plan_already_signed#plan")
            #expect(try await PlanVersion.query(on: app.db).count() == 1)

            // Ticking the step off is progress: the signature still covers the plan.
            try await resident.post(SiteRoute.portalActionDone.path(try action.requireID()), [:])
            #expect(try await resident.get(SiteRoute.portal.path()).body.string.contains("U heeft dit plan getekend (versie 1"))
            #expect(!(try await scenario.coordinator.get(scenario.path)).body.string.contains("de wijzigingen zijn nog niet getekend"))

            // A new goal is a change: it is flagged, and the portal offers to sign version 2.
            _ = try await scenario.goal(.finances, "Budgetcursus volgen")
            #expect(try await scenario.coordinator.get(scenario.path).body.string.contains("de wijzigingen zijn nog niet getekend"))
            #expect(try await resident.get(SiteRoute.portal.path()).body.string.contains(#"action="/portal/sign""#))
        }
    }

    /// The plan on paper: goals, steps with who and when, signatures — not the team's notes or timeline.
    @Test func thePlanPrintsForTheResidentAndTheCoordinator() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            try await PlanAction(tenantID: goal.tenantID, householdID: goal.householdID, goalID: try goal.requireID(), description: "Bank bellen",
                                 owner: .resident(name: nil), dueOn: "2031-03-04").create(on: app.db)
            try await scenario.coordinator.get(scenario.path)
            try await scenario.coordinator.post(SiteRoute.notes.path(scenario.householdID), ["domain": "finances", "kind": "note", "occurred_on": Day.today(), "text": "Interne notitie over de schulden"])
            let resident = try await ActionRightsTests.residentClient(scenario)
            try await resident.post(SiteRoute.portalSign.path(), [:])
            #expect(try await resident.get(SiteRoute.portal.path()).body.string.contains(#"href="/portal/plan/print""#))

            for (client, path) in [(resident, SiteRoute.portalPlanPrint.path()), (scenario.coordinator, SiteRoute.planPrint.path(scenario.householdID))] {
                let page = try await client.get(path)
                #expect(page.status == .ok)
                let body = page.body.string
                #expect(body.contains("<h1>Plan – Huishouden El Amrani</h1>"))
                #expect(body.contains("Rekeningen op tijd betalen") && body.contains("Bank bellen") && body.contains("4 maart 2031"))
                #expect(body.contains("Versie 1 getekend door Fatima El Amrani op"))
                #expect(!body.contains("Interne notitie") && !body.contains("Tijdlijn"), "no notes or timeline on paper")
            }
            // Not for someone outside the team.
            let outsider = try await scenario.professional("buiten", of: scenario.partner)
            #expect(try await outsider.get(SiteRoute.planPrint.path(scenario.householdID)).status == .forbidden)
        }
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
            #expect(try await client.get("/worklist").body.string.contains("Huishouden El Amrani (1 mei 2021)"))
            #expect(try await client.get(scenario.path).body.string.contains("De evaluatiedatum (2021-05-01) is voorbij."))
        }
    }
}
