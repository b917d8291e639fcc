import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// The tenant admin hides indicators of the library from the tenant's
/// monitor: gone from the pages, the CSV and the API, for the analyst and
/// managers alike; a save writes only what that admin changed.
@Suite("Indicator visibility")
struct IndicatorVisibilityTests {
    /// Posts the visibility form as a browser would: a `shown[]` per ticked box, a `shown_before[]` per box ticked when drawn.
    static func save(_ client: TestClient, shownBefore: [String], shown: [String]) async throws -> TestingHTTPResponse {
        try await client.get(SiteRoute.indicatorVisibility.path())
        let pairs = [("_csrf", client.csrf ?? "")] + shownBefore.map { ("shown_before[]", $0) } + shown.map { ("shown[]", $0) }
        let body = pairs.map { "\(TestClient.encode($0.0))=\(TestClient.encode($0.1))" }.joined(separator: "&")
        return try await client.send(.POST, SiteRoute.indicatorVisibility.path(), headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
    }

    static func admin(_ app: Application, _ tenant: Tenant, _ username: String) async throws -> TestClient {
        let fixtures = Fixtures(app: app)
        let (_, secret) = try await fixtures.user(username, role: .tenantAdmin, in: tenant)
        let client = TestClient(app)
        try await fixtures.signIn(client, username, secret: secret)
        return client
    }

    @Test func aHiddenIndicatorIsGoneFromThePagesTheCSVAndTheAPI() async throws {
        try await withApp { app in
            let setting = try await IndicatorAPITests.setting(app)
            let admin = try await Self.admin(app, setting.tenant, "test-admin")
            #expect(try await admin.get(SiteRoute.indicatorVisibility.path()).status == .ok)
            let list = admin.lastBody
            #expect(list.contains("href=\"\(SiteRoute.indicatorVisibility.path())\""), "the admin menu links the page")
            #expect(list.components(separatedBy: "name=\"shown[]\"").count - 1 == app.indicators.all.count)
            #expect(list.contains("Hoe goed deden we het?"))

            let all = app.indicators.all.map(\.id)
            let saved = try await Self.save(admin, shownBefore: all, shown: all.filter { $0 != "referrals-sent" })
            #expect(saved.status == .seeOther)
            #expect(try await admin.get(saved.headers.first(name: .location) ?? "").status == .ok)
            #expect(admin.lastBody.contains("De keuze van indicatoren is opgeslagen."))
            #expect(!admin.lastBody.contains("value=\"referrals-sent\" checked"))

            let analyst = setting.analyst
            try await analyst.get(SiteRoute.monitor.path())
            #expect(!analyst.lastBody.contains(SiteRoute.monitorIndicator.path("referrals-sent")))
            #expect(analyst.lastBody.components(separatedBy: "class=\"tile\"").count - 1 == app.indicators.all.count - 1)
            #expect(try await analyst.get(SiteRoute.monitorIndicator.path("referrals-sent")).status == .notFound)
            #expect(try await analyst.get(SiteRoute.monitorTableCSV.path("referrals-sent")).status == .notFound)
            #expect(try await analyst.get(SiteRoute.apiIndicatorValues.path("referrals-sent")).status == .notFound)
            let ids = try #require(try JSONSerialization.jsonObject(with: Data(try await analyst.get(SiteRoute.apiIndicators.path()).body.string.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(!ids.contains("referrals-sent") && ids.count == all.count - 1)
            #expect(try await analyst.get(SiteRoute.monitorIndicator.path("referrals-accepted")).status == .ok)

            // Shown again, it is back.
            #expect(try await Self.save(admin, shownBefore: all.filter { $0 != "referrals-sent" }, shown: all).status == .seeOther)
            #expect(try await analyst.get(SiteRoute.monitorIndicator.path("referrals-sent")).status == .ok)
        }
    }

    @Test func aSaveWritesOnlyWhatThatAdminChanged() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let first = try await Self.admin(app, tenant, "admin-een")
            let second = try await Self.admin(app, tenant, "admin-twee")
            let all = app.indicators.all.map(\.id)
            // Both drew the page with everything shown; the second hides one, then the first hides another.
            #expect(try await Self.save(second, shownBefore: all, shown: all.filter { $0 != "new-plans" }).status == .seeOther)
            #expect(try await Self.save(first, shownBefore: all, shown: all.filter { $0 != "re-entry" }).status == .seeOther)
            let tenantID = try tenant.requireID()
            #expect(try await IndicatorVisibility.hidden(in: tenantID, on: app.db) == ["new-plans", "re-entry"])
            // The same form again changes nothing; an unknown id is no indicator.
            #expect(try await Self.save(first, shownBefore: all, shown: all.filter { $0 != "re-entry" } + ["no-such-indicator"]).status == .seeOther)
            #expect(try await IndicatorVisibility.hidden(in: tenantID, on: app.db) == ["new-plans", "re-entry"])
            #expect(try await MonitorIndicatorSetting.scoped(to: tenantID, on: app.db).count() == 2)
            // Another tenant's monitor is untouched.
            let other = try await fixtures.tenant("beta")
            #expect(try await IndicatorVisibility.hidden(in: try other.requireID(), on: app.db).isEmpty)
        }
    }

    @Test func onlyTheTenantAdminManagesVisibility() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("cijfers", role: .analyst, in: tenant)
            let analyst = TestClient(app)
            try await fixtures.signIn(analyst, "cijfers", secret: secret)
            #expect(try await analyst.get(SiteRoute.indicatorVisibility.path()).status == .forbidden)
            #expect(try await analyst.post(SiteRoute.indicatorVisibility.path(), [:]).status == .forbidden)
        }
    }

    @Test func theChangesAreTheBoxesThatDifferFromTheDrawnPage() async throws {
        try await withApp { app in
            let library = Array(app.indicators.all.prefix(3))
            let ids = library.map(\.id)
            #expect(IndicatorVisibility.changes(library: library, shownBefore: Set(ids), shownNow: Set(ids)).isEmpty)
            #expect(IndicatorVisibility.changes(library: library, shownBefore: Set(ids), shownNow: [ids[0], ids[2]]) == [ids[1]: true])
            #expect(IndicatorVisibility.changes(library: library, shownBefore: [ids[0]], shownNow: [ids[0], ids[1]]) == [ids[1]: false])
            // A box the page drew unticked and that stays so is not written: it may be another admin's.
            #expect(IndicatorVisibility.changes(library: library, shownBefore: [], shownNow: []).isEmpty)
        }
    }
}
