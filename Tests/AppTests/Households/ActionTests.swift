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
            #expect(past.body.string.contains("Kies vandaag of een latere datum."))

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

@Suite("Team changes, action status and resident comments")
struct TeamAndStatusTests {
    @Test func endingAnInvolvementEndsAccessAtOnce() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            _ = try await scenario.consent([.finances], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.finances])
            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            #expect(try await partner.get(scenario.path).status == .ok)
            let involvement = try #require(try await Involvement.query(on: app.db).filter(\.$organizationID == scenario.partner.id!).first())
            let coordinating = try #require(try await Involvement.query(on: app.db).filter(\.$isCoordinator == true).first())
            try await scenario.coordinator.get(scenario.path)
            let refused = try await scenario.coordinator.post(SiteRoute.involvementEnd.path(scenario.householdID, try coordinating.requireID()))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("draag de regie eerst over"))
            #expect(try await scenario.coordinator.post(SiteRoute.involvementEnd.path(scenario.householdID, try involvement.requireID())).status == .seeOther)
            #expect(try await partner.get(scenario.path).status == .forbidden)
        }
    }

    @Test func actionStatusChangesAreVersioned() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen")
            let action = PlanAction(tenantID: try scenario.tenant.requireID(), householdID: scenario.householdID, goalID: try goal.requireID(), description: "Bank bellen", owner: .resident(name: nil), dueOn: nil)
            try await action.create(on: app.db)
            let path = SiteRoute.actionStatus.path(scenario.householdID, try goal.requireID(), try action.requireID())
            try await scenario.coordinator.get(SiteRoute.goal.path(scenario.householdID, try goal.requireID()))
            #expect(try await scenario.coordinator.post(path, ["status": "in_progress", "version": "1"]).status == .seeOther)
            let stale = try await scenario.coordinator.post(path, ["status": "cancelled", "version": "1"])
            #expect(stale.status == .conflict)
            #expect(try await PlanAction.find(action.id, on: app.db)?.status == "in_progress")
        }
    }

    @Test func residentsCommentOnGoalsAndTheTeamReadsIt() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen")
            let resident = try #require(try await Resident.query(on: app.db).first())
            let (user, _) = try await scenario.fixtures.user("fatima", role: .resident, in: scenario.tenant, totp: false)
            resident.userID = user.id
            try await resident.save(on: app.db)
            let person = TestClient(app)
            try await scenario.fixtures.signIn(person, "fatima", secret: nil)
            try await person.get("/portal")
            let empty = try await person.post("/portal/comments", ["goal_id": try goal.requireID().uuidString, "text": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await person.post("/portal/comments", ["goal_id": try goal.requireID().uuidString, "text": "De bank belt niet terug."]).status == .seeOther)
            let page = try await scenario.coordinator.get(scenario.path)
            #expect(page.body.string.contains("Rekeningen: De bank belt niet terug."))
            #expect(page.body.string.contains("Opmerking van de inwoner"))
        }
    }
}
