import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// The analyst's monitor: tiles for the three questions from the cells,
/// a breakdown with small numbers withheld, a clear message for a period or
/// dimension that does not exist, and nothing for roles that see residents.
@Suite("Monitor pages")
struct MonitorPageTests {
    @Test func theAnalystSeesTheThreeQuestionsAndABreakdown() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 160, seed: 9)
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first())
            try await app.monitorRefresher(tenantID: try tenant.requireID()).run(.refresh)
            let fixtures = Fixtures(app: app)
            let (_, secret) = try await fixtures.user("cijfers", role: .analyst, in: tenant)
            let analyst = TestClient(app)
            try await fixtures.signIn(analyst, "cijfers", secret: secret)

            let monitor = try await analyst.get(SiteRoute.monitor.path())
            #expect(monitor.status == .ok)
            let page = analyst.lastBody
            for heading in ["Hoeveel deden we?", "Hoe goed deden we het?", "Is iemand er beter van geworden?", "Huishoudens met een lopend plan", "Cijfers bijgewerkt tot"] {
                #expect(page.contains(heading), "\(heading)")
            }
            #expect(page.components(separatedBy: "class=\"tile\"").count - 1 == app.indicators.all.count)
            #expect(!page.contains("/households/"), "an aggregate page never links to a household")

            let path = MonitorChoice.link(SiteRoute.monitorIndicator.path("referrals-sent"), period: Period.containing(CivilDay.today(), .year),
                                          filter: nil, by: .neighbourhood)
            #expect(try await analyst.get(path).status == .ok)
            let breakdown = analyst.lastBody
            #expect(breakdown.contains("Naar Buurt"))
            // Every count shown in the breakdown is 0 or at least 5; small ones read "< 5".
            let counts = breakdown.matches(of: /<td>(\d+)<\/td>/).compactMap { Int($0.1) }
            #expect(counts.allSatisfy { $0 == 0 || $0 >= 5 })

            #expect(try await analyst.get(SiteRoute.monitor.path() + "?period=2026-13").status == .badRequest)
            #expect(analyst.lastBody.contains("Die periode kennen we niet"))
            #expect(try await analyst.get(SiteRoute.monitorIndicator.path("new-plans") + "?by=professional").status == .badRequest)
            #expect(analyst.lastBody.contains("kan deze indicator niet worden uitgesplitst"))
            #expect(try await analyst.get(SiteRoute.monitorIndicator.path("no-such-indicator")).status == .notFound)
        }
    }

    /// Tiles are kept between refreshes (`MonitorTileCache`); a refresh that
    /// changes the figures shows on the next view.
    @Test func aRefreshShowsOnTheNextView() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 160, seed: 9)
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first())
            let refresher = app.monitorRefresher(tenantID: try tenant.requireID())
            try await refresher.run(.refresh)
            let fixtures = Fixtures(app: app)
            let (_, secret) = try await fixtures.user("cijfers", role: .analyst, in: tenant)
            let analyst = TestClient(app)
            try await fixtures.signIn(analyst, "cijfers", secret: secret)
            func figures() async throws -> [String] {
                #expect(try await analyst.get(SiteRoute.monitor.path() + "?period=\(Period.containing(CivilDay.today(), .year).id)").status == .ok)
                return analyst.lastBody.matches(of: /class="figure">([^<]*)</).map { String($0.1) }
            }
            let before = try await figures()
            #expect(try await figures() == before)
            _ = try await SyntheticMunicipality(app: app, options: SyntheticOptions(residents: 200, seed: 10), tenantID: try tenant.requireID())
                .generate(progress: nil)
            #expect(try await figures() == before, "no refresh, no change")
            try await refresher.run(.refresh)
            let after = try await figures()
            #expect(after.count == before.count)
            #expect(after != before)
        }
    }

    @Test func rolesThatSeeResidentsDoNotSeeTheMonitor() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let team = try await fixtures.organization(in: tenant)
            let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: team)
            let professional = TestClient(app)
            try await fixtures.signIn(professional, "sanne", secret: secret)
            #expect(try await professional.get(SiteRoute.monitor.path()).status == .forbidden)
            #expect(!professional.lastBody.contains(SiteRoute.monitor.path() + "\""))
        }
    }
}
