import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import App

/// An organisation's own monitor for its managers: the same pages, CSV and
/// API with the organisation filter fixed to their own, the caseload per
/// professional of their own organisation, and nothing of another
/// organisation or of the whole municipality.
@Suite("Manager's monitor")
struct ManagerMonitorTests {
    struct Setting {
        let app: Application
        let tenant: Tenant
        /// The organisation with the most caseload, and another with figures.
        let own: Organization
        let other: Organization
        let manager: TestClient
        let analyst: TestClient
        /// A month with caseload in the own organisation.
        let period: String
    }

    static func setting(_ app: Application) async throws -> Setting {
        let base = try await IndicatorAPITests.setting(app, seed: 13)
        let tenantID = try base.tenant.requireID()
        let rows = try await app.db.sql.raw("""
            SELECT member, period FROM monitor_cells WHERE tenant_id = \(bind: tenantID) AND indicator = 'caseload-median'
            AND filter = '' AND breakdown = 'organization' AND period LIKE '____-__'
            AND period <= \(bind: Period.containing(CivilDay.today(in: Day.timeZone), .month).id) ORDER BY subjects DESC, period DESC, member
            """).all()
        let members = try rows.map { try $0.decode(column: "member", as: String.self) }
        let ownID = try #require(members.first.flatMap(UUID.init(uuidString:)))
        let otherID = try #require(members.first { $0 != ownID.uuidString }.flatMap(UUID.init(uuidString:)))
        let own = try await Organization.find(ownID, in: tenantID, on: app.db)
        let other = try await Organization.find(otherID, in: tenantID, on: app.db)
        let fixtures = Fixtures(app: app)
        let (user, secret) = try await fixtures.user("test-manager", role: .professional, in: base.tenant, organization: own)
        user.isManager = true
        try await user.save(on: app.db)
        let manager = TestClient(app)
        try await fixtures.signIn(manager, "test-manager", secret: secret)
        return Setting(app: app, tenant: base.tenant, own: own, other: other, manager: manager, analyst: base.analyst,
                       period: try rows[0].decode(column: "period", as: String.self))
    }

    static func filter(_ organization: Organization) -> String { "organization:\(organization.id!.uuidString)" }

    @Test func theManagerSeesTheOwnOrganisationsMonitorAndNothingElse() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let manager = setting.manager
            #expect(try await manager.get(SiteRoute.monitor.path()).status == .ok)
            let page = manager.lastBody
            #expect(page.contains("<h1>Monitor van \(setting.own.name)</h1>"))
            #expect(page.contains("href=\"\(SiteRoute.monitor.path())\""), "the menu has the monitor")
            #expect(!page.contains("name=\"filter\""), "an organisation's monitor offers no other filter")
            #expect(!page.contains(setting.other.name))
            let ownIndicators = app.indicators.all.filter { $0.dimensions.contains(.organization) }
            #expect(page.components(separatedBy: "class=\"tile\"").count - 1 == ownIndicators.count)
            #expect(!page.contains("/households/"))

            // Another organisation, or lifting the organisation for another filter: refused, not answered.
            for query in ["?filter=\(Self.filter(setting.other))", "?filter=domain:finances", "?filter=organization:nonsense"] {
                #expect(try await manager.get(SiteRoute.monitor.path() + query).status == .forbidden, "\(query)")
                #expect(try await manager.get(SiteRoute.monitorIndicator.path("referrals-sent") + query).status == .forbidden, "\(query)")
                #expect(try await manager.get(SiteRoute.monitorTableCSV.path("referrals-sent") + query).status == .forbidden, "\(query)")
                #expect(try await manager.get(SiteRoute.apiIndicatorValues.path("referrals-sent") + query).status == .forbidden, "\(query)")
            }
            #expect(try await manager.get(SiteRoute.monitor.path() + "?filter=\(Self.filter(setting.own))").status == .ok)
            // An indicator that cannot be narrowed to an organisation is the whole municipality's: not here.
            let tenantOnly = try #require(app.indicators.all.first { !$0.dimensions.contains(.organization) })
            #expect(try await manager.get(SiteRoute.monitorIndicator.path(tenantOnly.id)).status == .notFound)
            #expect(try await manager.get(SiteRoute.apiIndicatorValues.path(tenantOnly.id)).status == .notFound)
            #expect(try await manager.get(SiteRoute.monitorTableCSV.path(tenantOnly.id)).status == .notFound)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(try await manager.get(SiteRoute.apiIndicators.path()).body.string.utf8)) as? [[String: Any]])
            #expect(Set(list.compactMap { $0["id"] as? String }) == Set(ownIndicators.map(\.id)))
        }
    }

    @Test func theManagersFiguresAreTheOwnOrganisationsAsTheAnalystSeesThem() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            for indicator in ["referrals-sent", "households-with-active-plan", "caseload-median"] {
                let path = SiteRoute.apiIndicatorValues.path(indicator) + "?period=\(setting.period)"
                let mine = try IndicatorAPITests.json(try await setting.manager.get(path))
                let analystsOwn = try IndicatorAPITests.json(try await setting.analyst.get(path + "&filter=\(Self.filter(setting.own))"))
                let analystsOther = try IndicatorAPITests.json(try await setting.analyst.get(path + "&filter=\(Self.filter(setting.other))"))
                #expect((mine["filter"] as? [String: String])?["value"] == setting.own.id?.uuidString, "\(indicator)")
                #expect(NSDictionary(dictionary: mine["figure"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: analystsOwn["figure"] as? [String: Any] ?? [:]), "\(indicator)")
                #expect(NSArray(array: mine["trend"] as? [Any] ?? []) == NSArray(array: analystsOwn["trend"] as? [Any] ?? []), "\(indicator)")
                if NSArray(array: analystsOwn["trend"] as? [Any] ?? []) != NSArray(array: analystsOther["trend"] as? [Any] ?? []) {
                    #expect(NSArray(array: mine["trend"] as? [Any] ?? []) != NSArray(array: analystsOther["trend"] as? [Any] ?? []))
                }
                IndicatorAPITests.expectNoSmallCounts(mine)
            }
            let csv = try await setting.manager.get(SiteRoute.monitorTableCSV.path("referrals-sent") + "?period=\(setting.period)&by=domain")
            #expect(csv.status == .ok)
            let analystsCSV = try await setting.analyst.get(SiteRoute.monitorTableCSV.path("referrals-sent") + "?period=\(setting.period)&by=domain&filter=\(Self.filter(setting.own))")
            #expect(csv.body.string == analystsCSV.body.string)

            let events = try await AccessLogEntry.query(on: app.db).filter(\.$userName == "test-manager").all().map(\.event)
            #expect(events.contains("monitor.read") && events.contains("monitor.export"))
        }
    }

    @Test func theCaseloadPerProfessionalNamesOnlyTheOwnOrganisationsProfessionals() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let tenantID = try setting.tenant.requireID()
            let path = SiteRoute.monitorIndicator.path("caseload-median") + "?period=\(setting.period)"
            #expect(try await setting.manager.get(path).status == .ok)
            let page = setting.manager.lastBody
            #expect(page.contains("<h1>Caseload per professional (mediaan) — \(setting.own.name)</h1>"))
            let table = try #require(page.components(separatedBy: "<h2>Caseload per professional,").dropFirst().first?.components(separatedBy: "</table>").first)
            let users = try await User.scoped(to: tenantID, on: app.db).all()
            let ownNames = Set(users.filter { $0.organizationID == setting.own.id }.map(\.displayName))
            let named = table.matches(of: /<th scope="row">([^<]+)<\/th>/).map {
                String($0.1).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            }
            #expect(!named.isEmpty)
            let others = users.filter { $0.organizationID != setting.own.id }.map(\.displayName).filter { !ownNames.contains($0) }
            for name in named where !["Zonder contactpersoon", "Niet meer bij deze organisatie"].contains(name) {
                #expect(ownNames.contains(name), "\(name) is not of the own organisation")
            }
            for name in others { #expect(!named.contains(name), "\(name) of another organisation is named") }
            let counts = table.matches(of: /<td>([^<]+)<\/td>/).map { String($0.1) }
            #expect(counts.allSatisfy { Int($0).map { $0 == 0 || $0 >= 5 } ?? ["&lt; 5", "•"].contains($0) }, "\(counts)")
            // No resident's name or page: the table names colleagues only.
            #expect(!page.contains("/households/"))

            // The same table as a spreadsheet, linked from the page and recorded as an export.
            let csvPath = SiteRoute.monitorProfessionalsCSV.path("caseload-median") + "?period=\(setting.period)"
            #expect(page.contains("href=\"\(csvPath)\" download"))
            let csv = try await setting.manager.get(csvPath)
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = setting.manager.lastBody.split(whereSeparator: \.isNewline).dropFirst()
            #expect(lines.count == named.count)
            for name in named where !name.contains(",") { #expect(setting.manager.lastBody.contains(name)) }
            let exports = try await AccessLogEntry.query(on: app.db).filter(\.$event == "monitor.export").all()
            #expect(exports.contains { $0.objectID == "caseload-median \(setting.period) by=professional" })
            #expect(try await setting.manager.get(SiteRoute.monitorProfessionalsCSV.path("referrals-sent")).status == .notFound)
            #expect(try await setting.manager.get(csvPath.replacingOccurrences(of: setting.period, with: "2026-13")).status == .badRequest)

            // The analyst sees the organisation's median, not its people.
            #expect(try await setting.analyst.get(path + "&filter=\(Self.filter(setting.own))").status == .ok)
            #expect(!setting.analyst.lastBody.contains("<h2>Caseload per professional,"))
            #expect(try await setting.analyst.get(csvPath).status == .notFound)
        }
    }

    @Test func aProfessionalWithoutTheFlagReadsNoMonitor() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let fixtures = Fixtures(app: app)
            let (_, secret) = try await fixtures.user("test-colleague", role: .professional, in: setting.tenant, organization: setting.own)
            let colleague = TestClient(app)
            try await fixtures.signIn(colleague, "test-colleague", secret: secret)
            for path in [SiteRoute.monitor.path(), SiteRoute.monitorIndicator.path("referrals-sent"), SiteRoute.monitorTableCSV.path("referrals-sent"),
                         SiteRoute.monitorProfessionalsCSV.path("caseload-median"),
                         SiteRoute.apiIndicators.path(), SiteRoute.apiIndicatorValues.path("referrals-sent")] {
                #expect(try await colleague.get(path).status == .forbidden, "\(path)")
            }
            try await colleague.get(SiteRoute.home.path())
            #expect(!colleague.lastBody.contains("href=\"\(SiteRoute.monitor.path())\""))
        }
    }
}
