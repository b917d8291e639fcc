import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("The portal for the resident")
struct PortalPlainWordsTests {
    @Test func theResidentSeesWhoKeepsThePlanTogetherAndOthersLooksOnly() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let sanne = try #require(try await User.query(on: app.db).filter(\.$username == "sanne").first())
            let lead = try #require(try await Involvement.query(on: app.db).filter(\.$isCoordinator == true).first())
            lead.contactUserID = sanne.id
            try await lead.save(on: app.db)
            try await scenario.coordinator.get(scenario.path)
            let resident = try await ActionRightsTests.residentClient(scenario)
            for _ in 0..<3 { try await resident.get(SiteRoute.portal.path()) }

            let home = try await resident.get(SiteRoute.portal.path()).body.string
            #expect(home.contains("Sanne van Werk en Inkomen. Met vragen over uw plan kunt u bij deze persoon terecht."))
            #expect(!home.contains("regisseur") && !home.contains("JSON") && !home.contains("Basale ADL"))

            let page = try await resident.get(SiteRoute.portalAccessLog.path()).body.string
            let looks = page.section(from: "<tbody>", to: "</tbody>")
            #expect(looks.contains("Sanne"), "the professional's look is listed")
            #expect(!looks.contains("Fatima"), "the resident's own visits are not")
        }
    }

    @Test func residentsHaveNoApiTokensAndTheLoginPageLeadsToActivation() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await ActionRightsTests.residentClient(scenario)
            #expect(!(try await resident.get(SiteRoute.accountPassword.path())).body.string.contains(SiteRoute.apiTokens.path()))
            #expect(try await resident.get(SiteRoute.apiTokens.path()).status == .notFound)
            #expect(try await scenario.coordinator.get(SiteRoute.accountPassword.path()).body.string.contains(SiteRoute.apiTokens.path()))
            let login = try await TestClient(app).get(SiteRoute.login.path()).body.string
            #expect(login.contains(#"<a href="/portal/activate">Maak hier uw account aan</a>"#))
        }
    }
}
