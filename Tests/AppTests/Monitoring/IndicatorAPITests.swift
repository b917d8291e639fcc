import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import App

/// `/api/v1/indicators` and the breakdown CSV: figures of a generated
/// municipality after a refresh, never a count of 1–4, a 400 naming what is
/// allowed, and only the analyst and tenant admin of the tenant itself.
@Suite("Indicator API and CSV")
struct IndicatorAPITests {
    struct Setting {
        let app: Application
        let tenant: Tenant
        let analyst: TestClient
    }

    /// A generated municipality, refreshed, with an analyst signed in.
    static func setting(_ app: Application, seed: UInt64 = 11) async throws -> Setting {
        _ = try await SyntheticMunicipalityTests.generate(app, residents: 160, seed: seed)
        let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first())
        try await app.monitorRefresher(tenantID: try tenant.requireID()).run(.refresh)
        let fixtures = Fixtures(app: app)
        let (_, secret) = try await fixtures.user("test-analyst", role: .analyst, in: tenant)
        let analyst = TestClient(app)
        try await fixtures.signIn(analyst, "test-analyst", secret: secret)
        return Setting(app: app, tenant: tenant, analyst: analyst)
    }

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
    }

    /// Every count in the answer (bases, row counts, totals): never 1–4.
    static func counts(in value: Any, key: String? = nil) -> [Any] {
        if let object = value as? [String: Any] {
            return object.flatMap { counts(in: $0.value, key: $0.key) }
        }
        if let array = value as? [Any] { return array.flatMap { counts(in: $0) } }
        return ["base", "count", "total"].contains(key ?? "") ? [value] : []
    }

    static func expectNoSmallCounts(_ body: [String: Any]) {
        for count in counts(in: body) {
            if let number = count as? Int { #expect(number == 0 || number >= 5, "a count of \(number) was shown") }
            else { #expect(["fewer-than-5", "suppressed"].contains(count as? String), "\(count)") }
        }
    }

    /// A month up to now with a whole cell (or, with `breakdown`, a row) of 1–4 subjects.
    static func smallCell(_ app: Application, _ tenantID: UUID, breakdown: Bool) async throws -> (indicator: String, period: String, by: String, member: String)? {
        let current = Period.containing(CivilDay.today(in: Day.timeZone), .month).id
        let rows = try await app.db.sql.raw("""
            SELECT indicator, period, breakdown, member FROM monitor_cells WHERE tenant_id = \(bind: tenantID) AND filter = ''
            AND subjects BETWEEN 1 AND 4 AND period LIKE '____-__' AND period <= \(bind: current)
            AND breakdown \(unsafeRaw: breakdown ? "NOT IN ('', 'professional')" : "= ''") ORDER BY period DESC, indicator, breakdown, member
            """).all()
        for row in rows {
            let indicator = try row.decode(column: "indicator", as: String.self), by = try row.decode(column: "breakdown", as: String.self)
            guard let definition = app.indicators[indicator], by.isEmpty || definition.breakdowns.map(\.rawValue).contains(by) else { continue }
            return (indicator, try row.decode(column: "period", as: String.self), by, try row.decode(column: "member", as: String.self))
        }
        return nil
    }

    /// The count indicator (by organisation) and month up to now with the most subjects.
    static func busiest(_ app: Application, _ tenantID: UUID) async throws -> (String, String)? {
        let rows = try await app.db.sql.raw("""
            SELECT indicator, period FROM monitor_cells WHERE tenant_id = \(bind: tenantID) AND filter = '' AND breakdown = ''
            AND period LIKE '____-__' AND period NOT LIKE '%-Q%' AND period <= \(bind: Period.containing(CivilDay.today(in: Day.timeZone), .month).id)
            AND subjects >= 10 ORDER BY subjects DESC, indicator
            """).all()
        for row in rows {
            let id = try row.decode(column: "indicator", as: String.self)
            guard let indicator = app.indicators[id], indicator.measure == .count, indicator.breakdowns.contains(.organization) else { continue }
            return (id, try row.decode(column: "period", as: String.self))
        }
        return nil
    }

    @Test func theCatalogListsTheIndicatorsWithTheirDimensionsAndLinks() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let response = try await setting.analyst.get("/api/v1/indicators")
            #expect(response.status == .ok)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [[String: Any]])
            #expect(list.count >= 20)
            let first = try #require(list.first)
            for key in ["id", "version", "name", "description", "question", "unit", "direction", "measure", "dimensions", "filters", "links"] {
                #expect(first[key] != nil, "\(key) missing")
            }
            #expect((first["name"] as? [String: String])?.keys.sorted() == ["en", "nl"])
            let id = try #require(first["id"] as? String)
            #expect((first["links"] as? [String: String])?["values"] == "/api/v1/indicators/\(id)/values")
        }
    }

    @Test func valuesOfARefreshedMunicipalityWithATrendAndABreakdown() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let tenantID = try setting.tenant.requireID()
            let (id, period) = try #require(try await Self.busiest(app, tenantID))
            let whole = try await setting.analyst.get("/api/v1/indicators/\(id)/values?period=\(period)")
            #expect(whole.status == .ok)
            let body = try Self.json(whole)
            #expect(body["period"] as? String == period)
            #expect(body["figuresUpTo"] is String)
            let figure = try #require(body["figure"] as? [String: Any])
            #expect((figure["base"] as? Int ?? 0) >= 5)
            #expect(figure["value"] is Double || figure["value"] is Int)
            let trend = try #require(body["trend"] as? [[String: Any]])
            #expect(trend.count == 24 && trend.last?["period"] as? String == period)
            #expect(body["breakdown"] == nil)
            Self.expectNoSmallCounts(body)

            let split = try await setting.analyst.get("/api/v1/indicators/\(id)/values?period=\(period)&by=organization")
            #expect(split.status == .ok)
            let splitBody = try Self.json(split)
            let breakdown = try #require(splitBody["breakdown"] as? [String: Any])
            let rows = try #require(breakdown["rows"] as? [[String: Any]])
            #expect(!rows.isEmpty)
            // Organisations by name, ids as every id of the API.
            let names = Set(try await Organization.query(on: app.db).filter(\.$tenantID == tenantID).all().map(\.name))
            #expect(rows.contains { names.contains($0["label"] as? String ?? "") })
            #expect(rows.allSatisfy { ($0["member"] as? String).map { UUID(canonicalText: $0)?.canonicalText == $0 } ?? true })
            #expect(splitBody["trend"] == nil)
            Self.expectNoSmallCounts(splitBody)

            // Filtered on one organisation, the id in either case.
            let member = try #require(rows.compactMap { $0["member"] as? String }.first)
            let filtered = try await setting.analyst.get("/api/v1/indicators/\(id)/values?period=\(period)&filter=organization:\(member.lowercased())")
            #expect(filtered.status == .ok)
            #expect((try Self.json(filtered)["filter"] as? [String: String])?["value"] == member)

            // The read is in the access log, without a data subject.
            let logged = try await AccessLogEntry.query(on: app.db).filter(\.$event == "monitor.read").all()
            #expect(logged.count == 3)
            #expect(logged.allSatisfy { $0.subjectID == nil && $0.objectID?.hasPrefix("\(id) \(period)") == true })
        }
    }

    @Test func aCountUnderFiveIsNeverShownWholeOrInARowOrInTheCSV() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let tenantID = try setting.tenant.requireID()
            let whole = try #require(try await Self.smallCell(app, tenantID, breakdown: false), "no whole cell of 1–4 in the generated municipality")
            let body = try Self.json(try await setting.analyst.get("/api/v1/indicators/\(whole.indicator)/values?period=\(whole.period)"))
            let figure = try #require(body["figure"] as? [String: Any])
            #expect(figure["base"] as? String == "fewer-than-5")
            #expect(figure["value"] is NSNull && figure["reason"] as? String == "suppressed")
            Self.expectNoSmallCounts(body)

            let row = try #require(try await Self.smallCell(app, tenantID, breakdown: true), "no row of 1–4 in the generated municipality")
            let split = try Self.json(try await setting.analyst.get("/api/v1/indicators/\(row.indicator)/values?period=\(row.period)&by=\(row.by)"))
            let rows = try #require((split["breakdown"] as? [String: Any])?["rows"] as? [[String: Any]])
            let small = try #require(rows.first { $0["member"] as? String == row.member })
            #expect(["fewer-than-5", "suppressed"].contains(small["count"] as? String))
            Self.expectNoSmallCounts(split)

            let csv = try await setting.analyst.get(SiteRoute.monitorTableCSV.path(row.indicator) + "?period=\(row.period)&by=\(row.by)")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let records = try #require(CSV.read(csv.body.string))
            #expect(records.count == rows.count + ((split["breakdown"] as? [String: Any])?["overlapping"] as? Bool == true ? 0 : 1))
            for record in records {
                let count = try #require(record["Aantal"])
                #expect(count == "< 5" || count == "•" || (Int(count).map { $0 == 0 || $0 >= 5 } ?? false), "CSV count \(count)")
            }
            #expect(records.contains { $0["Aantal"] == "< 5" })
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$event == "monitor.export").count() == 1)
        }
    }

    @Test func badPeriodByOrFilterIsA400NamingTheAllowedValues() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let indicator = try #require(app.indicators["referrals-sent"])
            let base = "/api/v1/indicators/referrals-sent/values"
            for (query, parameter, allowed) in [
                ("period=2026-13", "period", Period.containing(CivilDay.today(in: Day.timeZone), .month).id),
                ("period=2999-01", "period", "Q"),
                ("by=planet", "by", indicator.breakdowns.map(\.rawValue).joined(separator: ", ")),
                ("filter=planet:mars", "filter", "organization:…"),
                ("filter=organization:not-an-id", "filter", "organization:<uuid>"),
                ("by=organization&filter=organization:\(UUID().uuidString)", "filter", "domain"),
                ("by=organization&filter=neighbourhood:BU09990101", "filter", "district"),
            ] {
                let response = try await setting.analyst.get("\(base)?\(query)")
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.headers.contentType?.description.contains("problem+json") == true)
                let body = try Self.json(response)
                let params = try #require(body["invalidParams"] as? [[String: Any]])
                #expect(params.first?["name"] as? String == parameter, "\(query)")
                #expect((params.first?["reason"] as? String)?.contains(allowed) == true, "\(query): \(String(describing: params.first?["reason"]))")
                let allowedValues = params.first?["allowed"] as? [String] ?? []
                #expect(!allowedValues.isEmpty)
            }
            // The CSV refuses the same, on a page.
            #expect(try await setting.analyst.get(SiteRoute.monitorTableCSV.path("referrals-sent") + "?by=planet").status == .badRequest)
        }
    }

    @Test func anUnknownIndicatorIsA404() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let response = try await setting.analyst.get("/api/v1/indicators/no-such-thing/values")
            #expect(response.status == .notFound)
            #expect(response.headers.contentType?.description.contains("problem+json") == true)
            #expect(try await setting.analyst.get(SiteRoute.monitorTableCSV.path("no-such-thing")).status == .notFound)
        }
    }

    @Test func aProfessionalGetsA403AndTheTenantAdminAndABearerTokenRead() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let fixtures = Fixtures(app: app)
            let organization = try await fixtures.organization(in: setting.tenant, name: "Wijkteam Test")
            let (_, secret) = try await fixtures.user("test-professional", role: .professional, in: setting.tenant, organization: organization)
            let professional = TestClient(app)
            try await fixtures.signIn(professional, "test-professional", secret: secret)
            for path in ["/api/v1/indicators", "/api/v1/indicators/referrals-sent/values"] {
                let refused = try await professional.get(path)
                #expect(refused.status == .forbidden, "\(path)")
                #expect(refused.headers.contentType?.description.contains("problem+json") == true)
            }
            #expect(try await professional.get(SiteRoute.monitorTableCSV.path("referrals-sent")).status == .forbidden)

            let (_, adminSecret) = try await fixtures.user("test-admin", role: .tenantAdmin, in: setting.tenant)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "test-admin", secret: adminSecret)
            #expect(try await admin.get("/api/v1/indicators/referrals-sent/values").status == .ok)

            let token = try #require(TestClient.firstMatch(#"(sst_[A-Za-z0-9_-]+)"#, in: try await ApiAuthTests.createToken(setting.analyst).body.string))
            #expect(try await ApiAuthTests.bearer(app, "/api/v1/indicators/referrals-sent/values?by=organization", token: token).status == .ok)
            let professionalToken = try #require(TestClient.firstMatch(#"(sst_[A-Za-z0-9_-]+)"#, in: try await ApiAuthTests.createToken(professional).body.string))
            #expect(try await ApiAuthTests.bearer(app, "/api/v1/indicators", token: professionalToken).status == .forbidden)
        }
    }

    @Test func anotherTenantsAnalystSeesOnlyTheirOwnEmptyFigures() async throws {
        try await withApp { app in
            let setting = try await Self.setting(app)
            let tenantID = try setting.tenant.requireID()
            let (id, period) = try #require(try await Self.busiest(app, tenantID))
            let fixtures = Fixtures(app: app)
            let other = try await fixtures.tenant("beta")
            let (_, secret) = try await fixtures.user("beta-analyst", role: .analyst, in: other)
            let outsider = TestClient(app)
            try await fixtures.signIn(outsider, "beta-analyst", secret: secret)

            let own = try Self.json(try await setting.analyst.get("/api/v1/indicators/\(id)/values?period=\(period)"))
            #expect(((own["figure"] as? [String: Any])?["base"] as? Int ?? 0) >= 5)
            let theirs = try Self.json(try await outsider.get("/api/v1/indicators/\(id)/values?period=\(period)"))
            #expect((theirs["figure"] as? [String: Any])?["base"] as? Int == 0)
            #expect(theirs["figuresUpTo"] is NSNull)
            let trend = try #require(theirs["trend"] as? [[String: Any]])
            #expect(trend.allSatisfy { ($0["figure"] as? [String: Any])?["base"] as? Int == 0 })
            let split = try Self.json(try await outsider.get("/api/v1/indicators/\(id)/values?period=\(period)&by=organization"))
            #expect((split["breakdown"] as? [String: Any])?["rows"] as? [[String: Any]] == nil
                    || ((split["breakdown"] as? [String: Any])?["rows"] as? [[String: Any]])?.isEmpty == true)
        }
    }
}
