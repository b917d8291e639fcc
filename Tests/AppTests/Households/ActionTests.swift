import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Actions and volunteers")
struct ActionTests {
    @Test func aVolunteerSeesOnlyTheActionsAssignedToThem() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let volunteerOrg = try await scenario.fixtures.organization(in: scenario.tenant, name: "Vrijwilligers", kind: .volunteer)
            let (henk, henkSecret) = try await scenario.fixtures.user("henk", role: .volunteer, in: scenario.tenant, organization: volunteerOrg)
            let (_, kimSecret) = try await scenario.fixtures.user("kim", role: .volunteer, in: scenario.tenant, organization: volunteerOrg)

            let goalPath = SiteRoute.goal.path(scenario.householdID, try goal.requireID())
            let actionsPath = SiteRoute.actions.path(scenario.householdID, try goal.requireID())
            try await scenario.coordinator.get(goalPath)
            #expect(try await scenario.coordinator.post(actionsPath, [
                "description": "Samen de post openen", "owner_kind": "volunteer", "owner_volunteer_id": try henk.requireID().uuidString, "due_on": Day.today(),
            ]).status == .seeOther)
            #expect(try await scenario.coordinator.post(actionsPath, ["description": "Budgetplan maken", "owner_kind": "professional"]).status == .seeOther)
            let past = try await scenario.coordinator.post(actionsPath, ["description": "Te laat", "owner_kind": "resident", "due_on": "2000-01-01"])
            #expect(past.status == .unprocessableEntity)
            #expect(past.body.string.contains("Een actie kan niet in het verleden moeten gebeuren."))

            let volunteer = TestClient(app)
            try await scenario.fixtures.signIn(volunteer, "henk", secret: henkSecret)
            let mine = try await volunteer.get("/my-actions")
            #expect(mine.status == .ok)
            #expect(mine.body.string.contains("Samen de post openen"))
            #expect(!mine.body.string.contains("Budgetplan maken"))
            #expect(!mine.body.string.contains("Rekeningen op tijd betalen"))
            // Nothing else of the household: not its page, not the goal.
            #expect(try await volunteer.get(scenario.path).status == .forbidden)
            #expect(try await volunteer.get(goalPath).status == .forbidden)

            let other = TestClient(app)
            try await scenario.fixtures.signIn(other, "kim", secret: kimSecret)
            #expect(!(try await other.get("/my-actions").body.string.contains("Samen de post openen")))
            let action = try #require(try await PlanAction.query(on: app.db).filter(\.$ownerKind == "volunteer").first())
            #expect(try await other.post(SiteRoute.myActionDone.path(try action.requireID())).status == .notFound)
            #expect(try await PlanAction.find(action.id, on: app.db)?.status == "open")

            #expect(try await volunteer.post(SiteRoute.myActionDone.path(try action.requireID())).status == .seeOther)
            #expect(try await PlanAction.find(action.id, on: app.db)?.status == "done")
            #expect(try await scenario.decisions("action.view", user: "henk") == ["allowed"])
            #expect(try await scenario.decisions("action.done", user: "kim") == ["denied"])
        }
    }
}
