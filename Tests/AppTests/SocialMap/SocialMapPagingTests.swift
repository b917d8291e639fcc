import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Social map pages")
struct SocialMapPagingTests {
    /// A provider with 60 services in finances, of mixed capacity, so the ranking has work to do.
    static func largeMap(_ app: Application, tenantID: UUID) async throws {
        let map = SocialMapFixtures(app: app, tenantID: tenantID)
        let provider = try await map.provider("Schuldhulp Groot")
        for number in 1...60 {
            try await map.service(String(format: "Dienst %02d", number), at: provider, description: number % 3 == 0 ? "Hulp bij schulden" : "Een voorziening",
                                  capacity: number % 4 == 0 ? .waitingList : .available, areas: number % 5 == 0 ? ["1234"] : [])
        }
    }

    @Test func pagesOfTheRankingAreTheRankingCut() async throws {
        try await withApp { app in
            let tenantID = try await Fixtures(app: app).tenant().requireID()
            try await Self.largeMap(app, tenantID: tenantID)
            for base in [SocialMapQuery(lifeDomain: .finances), SocialMapQuery(text: "schulden"), SocialMapQuery(area: AreaCode("9999"))] {
                let whole = try await SocialMapSearch.run(base, tenantID: tenantID, on: app.db).map(\.name)
                var pages: [String] = [], totals: Set<Int> = []
                for offset in stride(from: 0, to: 75, by: 25) {
                    var query = base
                    query.limit = 25
                    query.offset = offset
                    let (summaries, total) = try await SocialMapSearch.page(query, tenantID: tenantID, on: app.db)
                    pages += summaries.map(\.name)
                    totals.insert(total)
                }
                #expect(pages == whole && totals == [whole.count])
            }
            // The HSDS API's pages: counted and cut in SQL, with or without an area.
            for filter in [SocialMapFilter(), SocialMapFilter(words: ["schulden"]), SocialMapFilter(area: AreaCode("1234"))] {
                let all = try await filter.services(tenantID: tenantID, on: app.db)
                let second = try await filter.page(2, perPage: 7, tenantID: tenantID, on: app.db)
                #expect(second.total == all.count && second.services.map(\.id) == Array(all.dropFirst(7).prefix(7)).map(\.id))
            }
        }
    }

    @Test func theSearchPageShowsTwentyFiveAndLinksTheNext() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await Self.largeMap(app, tenantID: try tenant.requireID())
            let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: try await fixtures.organization(in: tenant))
            let client = TestClient(app)
            try await fixtures.signIn(client, "sanne", secret: secret)
            let first = try await client.get("/social-map?domain=finances")
            #expect(first.body.string.contains("60 voorzieningen gevonden"))
            #expect(first.body.string.components(separatedBy: #"<li class="result">"#).count - 1 == 25)
            #expect(first.body.string.contains(#"href="/social-map?domain=finances&amp;page=2" rel="next""#))
            let last = try await client.get("/social-map?domain=finances&page=3")
            #expect(last.body.string.components(separatedBy: #"<li class="result">"#).count - 1 == 10)
            #expect(last.body.string.contains(#"rel="prev""#) && !last.body.string.contains(#"rel="next""#))
            #expect(try await client.get("/social-map?domain=finances&page=-4").body.string.contains(#"rel="next""#))
        }
    }

    @Test func summariesSayWhatTheFullRecordsSay() async throws {
        try await withApp { app in
            let organization = try await Fixtures(app: app).organization(in: try await Fixtures(app: app).tenant("beta"))
            let tenantID = organization.tenantID
            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let linked = try await map.provider("Schuldhulp", linkedTo: organization)
            let informal = try await map.provider("Buurtkamer", informal: true)
            let morning = WeeklyOpening(weekday: .monday, opensAt: 9 * 60, closesAt: 12 * 60)
            let own = try await map.service("Eigen uren", at: linked, domains: [.finances, .housing], groups: [.families], hours: [morning])
            let atLocation = try await map.service("Uren van de plek", at: informal, domains: [.socialNetwork])
            let location = try await map.location(of: informal)
            try await ServiceAtLocation(tenantID: tenantID, serviceID: atLocation.requireID(), locationID: location.requireID()).create(on: app.db)
            try await MapSchedule(tenantID: tenantID, locationID: location.requireID(), weekday: .monday, opensAt: "19:00", closesAt: "21:00").create(on: app.db)
            let services = [own, atLocation, try await map.service("Nooit open", at: informal)].sorted { $0.name < $1.name }
            let briefs = try await SocialMapFilter().ranked(tenantID: tenantID, on: app.db)  // as search reads them
            for moment in ["2026-01-05T08:30:00Z", "2026-01-05T18:30:00Z"] {
                let now = try #require(ISO8601DateFormatter().date(from: moment))
                let summaries = try await ServiceSummaries.load(briefs, tenantID: tenantID, now: now, on: app.db)
                let records = try await ServiceRecords.load(services, tenantID: tenantID, on: app.db)
                #expect(summaries.map(\.id) == records.map(\.id))
                for (summary, record) in zip(summaries, records) {
                    #expect(summary.name == record.service.name && summary.description == record.service.description)
                    #expect(summary.capacity == record.service.serviceCapacity && summary.expectedWaitWeeks == record.service.expectedWaitWeeks)
                    #expect(summary.acceptsReferrals == record.service.acceptsReferrals && summary.mapOrganizationID == record.service.mapOrganizationID)
                    #expect(summary.openNow == record.isOpen(at: now))
                    #expect(summary.lifeDomains == record.lifeDomains && summary.targetGroups == record.targetGroups)
                    #expect(summary.organizationName == record.organization.name && summary.organizationID == record.organization.organizationID)
                    #expect(summary.informal == record.organization.informal && summary.responseDays == record.service.responseDays)
                }
                #expect(summaries.filter(\.openNow).map(\.name) == (moment.hasSuffix("08:30:00Z") ? ["Eigen uren"] : ["Uren van de plek"]))
            }
        }
    }
}
