import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Every change entry names the ground the change was allowed on, taken from
/// the decision that allowed it: what the resident and the privacy officer
/// read in the access log must be true.
@Suite("The basis of every change")
struct ChangeBasisTests {
    static func basis(of event: String, by user: String, on app: Application) async throws -> [String] {
        try await AccessLogEntry.query(on: app.db).filter(\.$event == event).filter(\.$userName == user).sort(\.$sequence).all().map(\.basis)
    }

    static func note(_ client: TestClient, _ scenario: HouseholdScenario, domain: String) async throws -> HTTPStatus {
        try await client.post(SiteRoute.notes.path(scenario.householdID), [
            "domain": domain, "kind": "note", "occurred_on": Day.today(), "text": "Gesproken over de situatie.",
        ]).status
    }

    @Test func aWriteUnderAnInvolvementIsLoggedAsSuch() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            #expect(try await Self.note(scenario.coordinator, scenario, domain: "finances") == .seeOther)
            #expect(try await Self.basis(of: "note.created", by: "sanne", on: app) == ["involvement"])
        }
    }

    @Test func aPartnersWriteUnderConsentIsLoggedAsConsent() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            _ = try await scenario.consent([.finances], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.finances])
            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            #expect(try await Self.note(partner, scenario, domain: "finances") == .seeOther)
            let goal = try await partner.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": "Schulden in beeld"])
            #expect(goal.status == .seeOther)
            #expect(try await Self.basis(of: "note.created", by: "schuldhulp", on: app) == ["consent"])
            #expect(try await Self.basis(of: "goal.created", by: "schuldhulp", on: app) == ["consent"])
        }
    }

    @Test func aNoteUnderAnEmergencyOpeningIsLoggedAsBreakTheGlass() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let outsider = try await scenario.professional("crisisdienst", of: scenario.partner)
            #expect(try await outsider.post(SiteRoute.breakTheGlass.path(scenario.householdID), ["reason": "Inwoner belde in crisis, acuut gevaar"]).status == .seeOther)
            try await outsider.get(scenario.path)
            #expect(try await Self.note(outsider, scenario, domain: "mental_health") == .seeOther)
            #expect(try await Self.basis(of: "note.created", by: "crisisdienst", on: app) == ["break_the_glass"])
        }
    }

    @Test func theResidentsOwnChangesAreLoggedAsSelf() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let person = try await ActionRightsTests.residentClient(scenario)
            #expect(try await person.post("/portal/actions", ["goal_id": try goal.requireID().uuidString, "description": "Post elke week openen"]).status == .seeOther)
            #expect(try await person.post("/portal/sign").status == .seeOther)
            #expect(try await Self.basis(of: "action.created", by: "fatima", on: app) == ["self"])
            #expect(try await Self.basis(of: "plan.signed", by: "fatima", on: app) == ["self"])
        }
    }
}
