import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Domain-scoped access to a household")
struct HouseholdAccessTests {
    @Test func aPartnerJoinsOnlyWithConsentAndSeesOnlyConsentedDomains() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            _ = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            _ = try await scenario.goal(.housing, "Een rustiger woning")
            let coordinator = scenario.coordinator
            try await coordinator.get(scenario.path)
            let form = ["organization_id": try scenario.partner.requireID().uuidString, "domains[]": "finances"]
            let refused = try await coordinator.post(SiteRoute.involvements.path(scenario.householdID), form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Er is geen geldige toestemming om deze leefgebieden met hen te delen: Financiën"))
            #expect(try await Involvement.query(on: app.db).count() == 1)

            _ = try await scenario.consent([.finances], for: scenario.partner)
            #expect(try await coordinator.post(SiteRoute.involvements.path(scenario.householdID), form).status == .seeOther)

            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            let page = try await partner.get(scenario.path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Rekeningen op tijd betalen"))
            #expect(!page.body.string.contains("Een rustiger woning"))
            // Team and consents are the coordinator's overview, not the partner's.
            #expect(!page.body.string.contains("Team rond het huishouden"))
        }
    }

    @Test func withdrawalRefusesThePartnerAtOnce() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let consent = try await scenario.consent([.finances], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.finances])
            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            #expect(try await partner.get(scenario.path).status == .ok)

            try await scenario.coordinator.get(scenario.path)
            let withdrawn = try await scenario.coordinator.post(SiteRoute.consentWithdraw.path(scenario.householdID, try consent.requireID()))
            #expect(withdrawn.status == .seeOther)
            #expect(try await partner.get(scenario.path).status == .forbidden)
            #expect(try await scenario.decisions("household.view", user: "schuldhulp") == ["allowed", "denied"])
            // The terms stay as they were; only the status moved.
            let stored = try await Consent.find(consent.id, on: app.db)!
            #expect(stored.status == "withdrawn" && stored.withdrawnAt != nil && stored.lifeDomains == [.finances])
        }
    }

    @Test func expiredConsentBehavesAsWithdrawn() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let consent = try await scenario.consent([.finances], for: scenario.partner, validTo: "2099-12-31")
            try await scenario.involve(scenario.partner, [.finances])
            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            #expect(try await partner.get(scenario.path).status == .ok)
            consent.validTo = Day.string(Date().addingTimeInterval(-86400))
            try await consent.save(on: app.db)
            #expect(try await partner.get(scenario.path).status == .forbidden)
        }
    }

    @Test func analystsAndOtherTenantsGet404AndEveryRefusalIsLogged() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let (_, analystSecret) = try await scenario.fixtures.user("pieter", role: .analyst, in: scenario.tenant)
            let analyst = TestClient(app)
            try await scenario.fixtures.signIn(analyst, "pieter", secret: analystSecret)
            let goal = try await scenario.goal(.finances, "Rekeningen")
            let resident = try await Resident.query(on: app.db).first()!
            let paths = [
                scenario.path, SiteRoute.goal.path(scenario.householdID, try goal.requireID()),
            ]
            for path in paths { #expect(try await analyst.get(path).status == .notFound, "\(path)") }
            try await analyst.get("/")
            #expect(try await analyst.post(SiteRoute.residentBSN.path(scenario.householdID, try resident.requireID())).status == .notFound)
            #expect(try await analyst.get("/households").status == .notFound)

            let other = try await scenario.fixtures.tenant("beta")
            let otherOrg = try await scenario.fixtures.organization(in: other, name: "Werk Beta", kind: .municipalSocialServices)
            let (_, secret) = try await scenario.fixtures.user("beta-pro", role: .professional, in: other, organization: otherOrg)
            let stranger = TestClient(app)
            try await scenario.fixtures.signIn(stranger, "beta-pro", secret: secret)
            #expect(try await stranger.get(scenario.path).status == .notFound)
            try await stranger.get("/")
            #expect(try await stranger.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": "x"]).status == .notFound)

            let uninvolved = try await scenario.professional("buurman", of: scenario.partner)
            #expect(try await uninvolved.get(scenario.path).status == .forbidden)

            #expect(try await scenario.decisions("household.view", user: "pieter") == ["denied"])
            #expect(try await scenario.decisions("household.view", user: "beta-pro") == ["denied"])
            #expect(try await scenario.decisions("household.view", user: "buurman") == ["denied"])
            #expect(try await Goal.query(on: app.db).count() == 1)
        }
    }

    @Test func concurrentGoalEditsNeverOverwriteSilently() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let path = SiteRoute.goal.path(scenario.householdID, try goal.requireID())
            let first = scenario.coordinator
            let second = try await scenario.professional("collega", of: scenario.municipal)
            try await scenario.involve(scenario.municipal, [.finances])
            try await first.get(path)
            try await second.get(path)
            #expect(try await first.post(path, ["title": "Alle rekeningen betalen", "status": "open", "version": "1"]).status == .seeOther)
            let conflict = try await second.post(path, ["title": "Budgetcursus volgen", "target": "voor de zomer", "status": "achieved", "version": "1"])
            #expect(conflict.status == .conflict)
            #expect(conflict.body.string.contains(#"value="Budgetcursus volgen""#))
            #expect(conflict.body.string.contains("<dd>Alle rekeningen betalen</dd>"))
            #expect(try await Goal.find(goal.id, on: app.db)?.title == "Alle rekeningen betalen")
            #expect(try await second.post(path, ["title": "Budgetcursus volgen", "status": "achieved", "version": "2"]).status == .seeOther)
        }
    }

    @Test func goalsNeedDetailAccessToTheirDomain() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get(scenario.path)
            let outside = try await client.post(SiteRoute.goals.path(scenario.householdID), ["domain": "mental_health", "title": "Rust"])
            #expect(outside.status == .forbidden)
            let empty = try await client.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": "  "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Vul dit veld in."))
            #expect(try await client.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": "Rekeningen betalen"]).status == .seeOther)
            #expect(try await Goal.query(on: app.db).count() == 1)
            #expect(try await scenario.decisions("goal.create", user: "sanne") == ["denied", "allowed", "allowed"])
        }
    }
}

@Suite("Part of the municipality")
struct MunicipalFlagTests {
    @Test func anInHouseSocialTeamWorksWithoutConsentAnExternalOneNeedsIt() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let inHouse = try await scenario.fixtures.organization(in: scenario.tenant, name: "Sociaal Team (gemeente)", kind: .socialTeam)
            #expect(inHouse.partOfMunicipality == false)
            inHouse.partOfMunicipality = true
            try await inHouse.save(on: app.db)
            try await scenario.coordinator.get(scenario.path)
            let joined = try await scenario.coordinator.post(SiteRoute.involvements.path(scenario.householdID), ["organization_id": try inHouse.requireID().uuidString, "domains[]": "finances"])
            #expect(joined.status == .seeOther)
            let external = try await scenario.fixtures.organization(in: scenario.tenant, name: "Sociaal Team (stichting)", kind: .socialTeam)
            let refused = try await scenario.coordinator.post(SiteRoute.involvements.path(scenario.householdID), ["organization_id": try external.requireID().uuidString, "domains[]": "finances"])
            #expect(refused.status == .unprocessableEntity)
            let worker = try await scenario.professional("teamlid", of: inHouse)
            #expect(try await worker.get(scenario.path).status == .ok)
        }
    }

    @Test func theTenantAdminSetsTheFlag() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "ruben", secret: secret)
            try await admin.get("/admin/organizations/new")
            #expect(try await admin.post("/admin/organizations", ["name": "Sociaal Team", "kind": "social_team", "part_of_municipality": "on"]).status == .seeOther)
            #expect(try await Organization.query(on: app.db).first()?.partOfMunicipality == true)
        }
    }
}

@Suite("Recording consent and handing over coordination")
struct ConsentFormTests {
    @Test func consentIsRecordedThroughTheFormWithItsTermsChecked() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try #require(try await Resident.query(on: app.db).first())
            let client = scenario.coordinator
            try await client.get(scenario.path)
            let path = SiteRoute.consents.path(scenario.householdID)
            var form = [
                "resident_id": try resident.requireID().uuidString, "organization_id": try scenario.partner.requireID().uuidString,
                "domains[]": "finances", "purpose": "Schulden regelen", "valid_from": "2026-01-01", "valid_to": "2025-12-31", "method": "verbal",
            ]
            let backwards = try await client.post(path, form)
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.body.string.contains("De einddatum ligt voor de begindatum."))
            #expect(try await Consent.query(on: app.db).count() == 0)
            form["valid_to"] = ""
            #expect(try await client.post(path, form).status == .seeOther)
            let consent = try #require(try await Consent.query(on: app.db).first())
            #expect(consent.status == "given" && consent.method == "verbal" && consent.lifeDomains == [.finances] && consent.validTo == nil)
            form["status"] = "refused"
            #expect(try await client.post(path, form).status == .seeOther)
            #expect(try await Consent.query(on: app.db).filter(\.$status == "refused").count() == 1)
        }
    }

    @Test func handingOverLeavesExactlyOneCoordinator() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let other = try await scenario.fixtures.organization(in: scenario.tenant, name: "Wijkteam", kind: .socialTeam)
            other.partOfMunicipality = true
            try await other.save(on: app.db)
            try await scenario.coordinator.get(scenario.path)
            let handover = try await scenario.coordinator.post(SiteRoute.involvements.path(scenario.householdID), [
                "organization_id": try other.requireID().uuidString, "domains[]": "finances", "coordinator": "on",
            ])
            #expect(handover.status == .seeOther)
            let coordinators = try await Involvement.query(on: app.db).filter(\.$isCoordinator == true).all()
            #expect(coordinators.map(\.organizationID) == [other.id])
            // The old coordinator no longer sees the overview (team and consents).
            #expect(!(try await scenario.coordinator.get(scenario.path).body.string.contains("Team rond het huishouden")))
        }
    }
}
