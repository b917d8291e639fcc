import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Resident portal")
struct PortalTests {
    @Test func theWholeJourney() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let consent = try await scenario.consent([.finances], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.finances])
            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            #expect(try await partner.get(scenario.path).status == .ok)

            // The coordinator hands out a one-time code.
            let resident = try #require(try await Resident.query(on: app.db).first())
            try await scenario.coordinator.get(scenario.path)
            let codePage = try await scenario.coordinator.post(SiteRoute.portalCode.path(scenario.householdID, try resident.requireID()))
            #expect(codePage.status == .ok)
            let code = try #require(TestClient.firstMatch(#"id="portal-code">([A-Z0-9-]+)<"#, in: codePage.body.string))

            // The resident activates, with a wrong code first.
            let person = TestClient(app)
            try await person.get("/portal/activate")
            let wrong = try await person.post("/portal/activate", ["code": "AAAA-BBBB-CCCC", "username": "fatima", "password": "mijn eigen wachtwoord", "password_confirmation": "mijn eigen wachtwoord"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Deze code klopt niet"))
            #expect(wrong.body.string.contains(#"value="fatima""#))
            let activated = try await person.post("/portal/activate", ["code": code.lowercased(), "username": "fatima", "password": "mijn eigen wachtwoord", "password_confirmation": "mijn eigen wachtwoord"])
            #expect(activated.status == .seeOther)
            #expect(try await person.post("/portal/activate", ["code": code, "username": "fatima2", "password": "mijn eigen wachtwoord", "password_confirmation": "mijn eigen wachtwoord"]).status == .unprocessableEntity)

            // Signs in (no second factor needed for residents) and lands on the plan.
            try await person.get("/login")
            #expect(try await person.post("/login", ["username": "fatima", "password": "mijn eigen wachtwoord"]).headers.first(name: .location) == "/")
            #expect(try await person.get("/").headers.first(name: .location) == "/portal")
            let home = try await person.get("/portal")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Rekeningen op tijd betalen"))

            // Adds and ticks off an own step, and signs the plan.
            #expect(try await person.post("/portal/actions", ["goal_id": try goal.requireID().uuidString, "description": "Post elke week openen"]).status == .seeOther)
            let action = try #require(try await PlanAction.query(on: app.db).filter(\.$ownerKind == "resident").first())
            #expect(try await person.post(SiteRoute.portalActionDone.path(try action.requireID())).status == .seeOther)
            #expect(try await PlanAction.find(action.id, on: app.db)?.status == "done")
            #expect(try await person.post("/portal/sign").status == .seeOther)
            let version = try #require(try await PlanVersion.query(on: app.db).first())
            #expect(version.number == 1 && version.snapshot.contains("Rekeningen op tijd betalen") && version.method == "portal")

            // Withdraws the consent; the partner is refused at once.
            #expect(try await person.post(SiteRoute.portalConsentWithdraw.path(try consent.requireID())).status == .seeOther)
            #expect(try await partner.get(scenario.path).status == .forbidden)

            // Sees who looked, in plain words, refusals included.
            let looked = try await person.get("/portal/who-looked")
            #expect(looked.body.string.contains("Sanne"))
            #expect(looked.body.string.contains("Bekeek uw dossier"))
            #expect(looked.body.string.contains("Nee, geweigerd"))

            // Downloads everything.
            let json = try await person.get("/portal/my-data.json")
            #expect(json.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let data = try JSONDecoder().decode(PortalData.self, from: Data(json.body.readableBytesView))
            #expect(data.goals.first?.actions.first?.description == "Post elke week openen")
            #expect(data.consents.first?.status == "Ingetrokken")
            #expect(data.versions.count == 1 && !data.looks.isEmpty)
            #expect(try await person.get("/portal/my-data").body.string.contains("Post elke week openen"))
        }
    }

    @Test func residentsSeeOnlyTheirOwnHousehold() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let (_, _) = try await scenario.fixtures.user("buurvrouw", role: .resident, in: scenario.tenant, totp: false)
            let neighbour = TestClient(app)
            try await scenario.fixtures.signIn(neighbour, "buurvrouw", secret: nil)
            #expect(try await neighbour.get("/portal").status == .notFound)
            #expect(try await neighbour.get(scenario.path).status == .forbidden)
            #expect(try await neighbour.get("/portal/my-data.json").status == .notFound)
        }
    }
}

@Suite("Members and representatives")
struct MemberTests {
    @Test func membersAreAddedAndARepresentativeActsInThePortal() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get(scenario.path)
            let future = try await client.post(SiteRoute.members.path(scenario.householdID), ["given_name": "Noor", "family_name": "El Amrani", "birth_date": "2999-01-01", "relation": "child"])
            #expect(future.status == .unprocessableEntity)
            #expect(try await client.post(SiteRoute.members.path(scenario.householdID), ["given_name": "Noor", "family_name": "El Amrani", "birth_date": "2015-06-01", "relation": "child"]).status == .seeOther)
            #expect(try await client.get(scenario.path).body.string.contains("Noor El Amrani"))

            let fatima = try #require(try await Resident.query(on: app.db).filter(\.$givenName == "Fatima").first())
            let created = try await client.post(SiteRoute.representatives.path(scenario.householdID), [
                "resident_id": try fatima.requireID().uuidString, "kind": "bewindvoerder", "display_name": "Bewind BV", "username": "bewind",
            ])
            #expect(created.status == .ok)
            let link = try #require(TestClient.firstMatch(#"id="account-link">https?://[^/]+(/account-links/[A-Za-z0-9_-]+)<"#, in: created.body.string))
            let representative = TestClient(app)
            try await representative.get(link)
            #expect(try await representative.post(link, ["password": "namens mevrouw handelen", "password_confirmation": "namens mevrouw handelen"]).status == .seeOther)
            try await representative.get("/login")
            try await representative.post("/login", ["username": "bewind", "password": "namens mevrouw handelen"])
            let portal = try await representative.get("/portal")
            #expect(portal.status == .ok)
            #expect(portal.body.string.contains("Huishouden El Amrani"))
            #expect(try await scenario.decisions("portal.view", user: "bewind") == ["allowed"])
            let basis = try await AccessLogEntry.query(on: app.db).filter(\.$userName == "bewind").filter(\.$event == "portal.view").first()?.basis
            #expect(basis == "self")
        }
    }
}
