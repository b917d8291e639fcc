import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Social map search")
struct SocialMapSearchTests {
    @Test func filtersAndRanking() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            let map = SocialMapFixtures(app: app, tenantID: try tenant.requireID())
            let debt = try await map.provider("Schuldhulp Alpha")
            let welfare = try await map.provider("Welzijn Alpha", informal: true)
            try await map.service("Budgetcoaching", at: debt, description: "Hulp bij schulden en post", capacity: .available)
            try await map.service("Schuldhulpverlening", at: debt, groups: [.peopleWithDebts], capacity: .waitingList, wait: 4, areas: ["1234"])
            try await map.service("Maatjesproject", at: welfare, domains: [.socialNetwork], groups: [.elderly], areas: ["BU00010001"])
            try await map.service("Opgeheven dienst", at: welfare, description: "schulden", status: .defunct)
            let tenantID = try tenant.requireID()

            func names(_ query: SocialMapQuery) async throws -> [String] {
                try await SocialMapSearch.run(query, tenantID: tenantID, on: app.db).map(\.name)
            }
            // Name match above description match, though the description match has capacity.
            #expect(try await names(SocialMapQuery(text: "schuld")) == ["Schuldhulpverlening", "Budgetcoaching"])
            // Without text: available before waiting list; defunct never shows.
            #expect(try await names(SocialMapQuery(lifeDomain: .finances)) == ["Budgetcoaching", "Schuldhulpverlening"])
            #expect(try await names(SocialMapQuery(targetGroup: .elderly)) == ["Maatjesproject"])
            #expect(try await names(SocialMapQuery(lifeDomain: .finances, targetGroup: .peopleWithDebts)) == ["Schuldhulpverlening"])
            // A postcode finds services working there and those without areas.
            #expect(try await names(SocialMapQuery(area: AreaCode("1234 AB"))) == ["Budgetcoaching", "Schuldhulpverlening"])
            #expect(try await names(SocialMapQuery(area: AreaCode("9999"))) == ["Budgetcoaching"])
            #expect(try await names(SocialMapQuery(area: AreaCode("BU00010001"))) == ["Budgetcoaching", "Maatjesproject"])
            #expect(try await names(SocialMapQuery(text: "welzijn")) == ["Maatjesproject"], "the provider's name is searched too")
            let summary = try #require(try await SocialMapSearch.run(SocialMapQuery(text: "schuldhulpverlening"), tenantID: tenantID, on: app.db).first)
            #expect(summary.capacity == .waitingList && summary.expectedWaitWeeks == 4 && summary.acceptsReferrals && summary.responseDays == 5)
        }
    }

    @Test func theFilterTakesWildcardsAsTypedCharacters() async throws {
        try await withApp { app in
            let tenantID = try await Fixtures(app: app).tenant().requireID()
            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let provider = try await map.provider("Stichting Alpha")
            try await map.service("Kringloop 50% korting", at: provider)
            try await map.service("Kookcafe", at: provider)
            try await map.service("Taal_maatje", at: provider)
            // Search splits text into letters and digits, so these come only from code; the filter still takes them literally.
            func names(_ word: String) async throws -> [String] {
                try await SocialMapFilter(words: [word]).services(tenantID: tenantID, on: app.db).map(\.name)
            }
            #expect(try await names("50%") == ["Kringloop 50% korting"])
            #expect(try await names("%") == ["Kringloop 50% korting"], "a percent sign is not 'anything'")
            #expect(try await names("_") == ["Taal_maatje"], "an underscore is not 'any character'")
            #expect(try await names("k__k") == [])
            #expect(try await names("kook") == ["Kookcafe"])
        }
    }

    @Test func openNowUsesAmsterdamTime() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            let map = SocialMapFixtures(app: app, tenantID: try tenant.requireID())
            let provider = try await map.provider("Buurtkamer")
            try await map.service("Ochtendinloop", at: provider, hours: [WeeklyOpening(weekday: .monday, opensAt: 9 * 60, closesAt: 12 * 60)])
            try await map.service("Avondcafé", at: provider, hours: [WeeklyOpening(weekday: .monday, opensAt: 19 * 60, closesAt: 21 * 60)])
            try await map.service("Altijd bellen", at: provider)
            // Monday 2026-01-05 08:30 UTC = 09:30 in Amsterdam (winter time).
            var query = SocialMapQuery(openNow: true)
            query.now = try #require(ISO8601DateFormatter().date(from: "2026-01-05T08:30:00Z"))
            #expect(try await SocialMapSearch.run(query, tenantID: try tenant.requireID(), on: app.db).map(\.name) == ["Ochtendinloop"])
            query.now = try #require(ISO8601DateFormatter().date(from: "2026-01-05T18:30:00Z"))
            #expect(try await SocialMapSearch.run(query, tenantID: try tenant.requireID(), on: app.db).map(\.name) == ["Avondcafé"])
        }
    }

    @Test func searchPageAndServicePage() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let organization = try await fixtures.organization(in: tenant)
            let map = SocialMapFixtures(app: app, tenantID: try tenant.requireID())
            let provider = try await map.provider("Schuldhulp <Alpha>")
            let service = try await map.service("Budget<b>coaching</b>", at: provider, hours: [WeeklyOpening(weekday: .friday, opensAt: 540, closesAt: 720)])
            let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: organization)
            let client = TestClient(app)
            try await fixtures.signIn(client, "sanne", secret: secret)
            let page = try await client.get("/social-map?q=budget&domain=finances&group=nonsense&area=1234&open_now=")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Budget&lt;b&gt;coaching&lt;/b&gt;"))
            #expect(page.body.string.contains("1 voorziening gevonden"))
            let badArea = try await client.get("/social-map?area=%3Cscript%3E")
            #expect(badArea.status == .ok)
            #expect(badArea.body.string.contains("Vul postcodes in als 1234"))
            #expect(!badArea.body.string.contains("<script>"))
            let detail = try await client.get(SiteRoute.socialMapService.path(try service.requireID()))
            #expect(detail.status == .ok)
            #expect(detail.body.string.contains("Schuldhulp &lt;Alpha&gt;"))
            #expect(detail.body.string.contains("Vrijdag"))
            #expect(!detail.body.string.contains("Voorziening wijzigen"), "a professional of an unlinked organisation cannot edit")
            #expect(try await client.get("/social-map/services/\(UUID())").status == .notFound)
            #expect(try await client.get("/social-map/services/not-a-uuid").status == .notFound)
        }
    }

    @Test func publicPageOnlyWhenPublished() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha"), beta = try await fixtures.tenant("beta")
            let alphaMap = SocialMapFixtures(app: app, tenantID: try alpha.requireID())
            let alphaService = try await alphaMap.service("Taalcafé", at: try await alphaMap.provider("Buurtkamer"))
            let betaMap = SocialMapFixtures(app: app, tenantID: try beta.requireID())
            try await betaMap.service("Voedselbank", at: try await betaMap.provider("Voedselbank Beta"))
            let visitor = TestClient(app)
            #expect(try await visitor.get("/t/alpha/sociale-kaart").status == .notFound)
            #expect(try await visitor.get("/t/nobody/sociale-kaart").status == .notFound)
            let garbage = try await visitor.get("/t/%00%FF/sociale-kaart").status
            #expect(garbage == .notFound || garbage == .badRequest, "\(garbage.code)")
            beta.publicSocialMap = true
            try await beta.save(on: app.db)
            let page = try await visitor.get("/t/beta/sociale-kaart?q=voedsel")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Voedselbank"))
            #expect(!page.body.string.contains("Taalcafé"))
            // Another tenant's service under a public tenant's address does not exist.
            #expect(try await visitor.get("/t/beta/sociale-kaart/\(try alphaService.requireID())").status == .notFound)
            #expect(try await visitor.get("/t/alpha/sociale-kaart/\(try alphaService.requireID())").status == .notFound)
        }
    }
}
