import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Issue 24: the resident sees the offers that suit their profile, best
/// first, each with why it fits and what does not; an offer of a kind they
/// do not want is never shown.
@Suite("Participation: the resident's matches", .serialized)
struct ParticipationMatchesTests {
    @Test func theBestMatchComesFirstExplainedAndUnwantedKindsNever() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            let resident = try await ActionRightsTests.residentClient(scenario)
            #expect(try await resident.get(SiteRoute.portalParticipationMatches.path()).body.string.contains("Vul eerst in waar u goed in bent"))
            #expect(try await resident.post(SiteRoute.portalParticipation.path(), pairs: ParticipationProfileTests.profile(version: 0)).status == .seeOther)

            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let provider = try await map.provider("Buurtsuper")
            let terms: [(String, OfferSubmission)] = [
                ("Koor De Lijster", OfferSubmission(kind: "volunteering", talents: ["music", "collecting"], rung: "4", times: ["TH-ev"], postcode: "9711AA", places: "20", placesFree: "3")),
                ("Kookclub", OfferSubmission(kind: "volunteering", talents: ["cooking"], rung: "3", postcode: "1234AB", places: "5", placesFree: "5")),
                ("Statiegeldbalie", OfferSubmission(kind: "supported_job", talents: ["returns", "sorting"], rung: "5", times: ["TU-am", "TH-am"], postcode: "1235 AA",
                                                    support: ["job_coach"], places: "2", placesFree: "1")),
                ("Cursus sorteren", OfferSubmission(kind: "course", talents: ["sorting", "returns"], rung: "3", postcode: "1234AB", places: "9", placesFree: "9")),
            ]
            for (name, submission) in terms {
                let service = try await map.service(name, at: provider)
                let checked = try OfferCheck.check(submission, talents: app.talents.codes).get()
                #expect(try await OfferController.store(checked, for: service, seenVersion: 0, tenantID: tenantID, on: app.db))
            }
            for (area, latitude, longitude) in [("1234", 52.370, 4.890), ("1235", 52.380, 4.900), ("9711", 53.219, 6.566)] {
                try await PostcodeArea(tenantID: tenantID, postcode4: area, latitude: latitude, longitude: longitude).create(on: app.db)
            }

            let page = try await resident.get(SiteRoute.portalParticipationMatches.path()).body.string
            let first = try #require(page.range(of: "Statiegeldbalie")), second = try #require(page.range(of: "Koor De Lijster"))
            #expect(first.lowerBound < second.lowerBound)
            #expect(!page.contains("Cursus sorteren"), "a course is what the resident does not want")
            #expect(!page.contains("Kookclub"), "it shares none of the resident's talents")
            for words in ["Het past bij wat u goed kunt of leuk vindt: statiegeld en retouren.", "Het is op een tijd dat u kunt: dinsdag ochtend.",
                          "Het is dichtbij: ongeveer 2 km. U wilt tot 5 km reizen.", "De hulp die u nodig heeft is er: een jobcoach.",
                          "Het is verder dan u wilt reizen: ongeveer 147 km (u wilt tot 5 km)."] {
                #expect(page.contains(words), "\(words)")
            }
            let looks = try await AccessLogEntry.query(on: app.db).filter(\.$event == "participation_profile.matches").count()
            #expect(looks == 2)
        }
    }

    /// Matching keeps each tenant's offers in memory between requests; a
    /// change made anywhere — here straight in the database, as another
    /// server would — shows on the next request, and an offer of a service
    /// that is no longer active is passed over.
    @Test func theMatchesFollowEveryChangeMadeAnywhere() async throws {
        try await withApp { app in
            let setup = try await Supermarket.make(app), map = setup.map
            func shown() async throws -> String { try await setup.resident.get(SiteRoute.portalParticipationMatches.path()).body.string }
            let returns = try await map.service("Statiegeldbalie", at: setup.provider)
            try await setup.offer(returns, talents: ["returns"], version: 0)
            #expect(try await shown().contains("Statiegeldbalie"))

            try await setup.offer(returns, talents: ["cooking"], version: 1)
            #expect(try await !shown().contains("Statiegeldbalie"), "its talents changed: no longer shared")
            try await setup.offer(returns, talents: ["returns"], version: 2)
            let bikes = try await map.service("Fietsenwerkplaats", at: setup.provider)
            try await setup.offer(bikes, talents: ["collecting"], version: 0)
            var page = try await shown()
            #expect(page.contains("Statiegeldbalie") && page.contains("Fietsenwerkplaats"), "a new offer is there at once")

            returns.status = ServiceStatus.inactive.rawValue
            try await returns.save(on: app.db)
            page = try await shown()
            #expect(!page.contains("Statiegeldbalie") && page.contains("Fietsenwerkplaats"), "a closed service's offer is passed over")
            try await bikes.delete(on: app.db)
            #expect(try await !shown().contains("Fietsenwerkplaats"), "gone with its service")
        }
    }

    /// Ten at a time, best first, the next ten a link away; a page number
    /// that is not one shows the first page.
    @Test func theMatchesComeTenAtATime() async throws {
        try await withApp { app in
            let setup = try await Supermarket.make(app), resident = setup.resident
            // Her talents are collecting and returns: the first six share both, the rest one.
            for number in 1...13 {
                try await setup.offer(try await setup.map.service(String(format: "Balie %02d", number), at: setup.provider),
                                      talents: number <= 6 ? ["returns", "collecting"] : ["returns"], version: 0)
            }
            func cards(_ page: String) -> Int { page.components(separatedBy: "<li class=\"card\">").count - 1 }
            let first = try await resident.get(SiteRoute.portalParticipationMatches.path()).body.string
            #expect(cards(first) == 10 && first.contains("<ol class=\"matches\" start=\"1\">"))
            #expect(first.contains("href=\"/portal/taking-part/matches?page=2\" rel=\"next\"") && !first.contains("rel=\"prev\""))
            let second = try await resident.get(SiteRoute.portalParticipationMatches.path() + "?page=2").body.string
            #expect(cards(second) == 3 && second.contains("<ol class=\"matches\" start=\"11\">"))
            #expect(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""))
            let firstNames = Set((1...13).map { String(format: "Balie %02d", $0) }.filter { first.contains($0) })
            let secondNames = Set((1...13).map { String(format: "Balie %02d", $0) }.filter { second.contains($0) })
            #expect(firstNames.isDisjoint(with: secondNames) && firstNames.union(secondNames).count == 13)
            #expect((1...6).allSatisfy { firstNames.contains(String(format: "Balie %02d", $0)) }, "two shared talents rank above one")
            for odd in ["?page=abc", "?page=-4", "?page=0"] {
                let page = try await resident.get(SiteRoute.portalParticipationMatches.path() + odd)
                #expect(page.status == .ok && cards(page.body.string) == 10, "\(odd)")
            }
            let beyond = try await resident.get(SiteRoute.portalParticipationMatches.path() + "?page=9")
            #expect(beyond.status == .ok && cards(beyond.body.string) == 0)
        }
    }

    @Test func theAPIGivesOffersToAllAndMatchesOnlyToWhoMayReadTheProfile() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            let resident = try await ParticipationProfileTests.residentWithProfile(scenario)
            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let service = try await map.service("Statiegeldbalie", at: try await map.provider("Buurtsuper"))
            let checked = try OfferCheck.check(OfferSubmission(kind: "supported_job", talents: ["returns"], rung: "5", times: ["TU-am"], postcode: "1234 AB",
                                                               places: "2", placesFree: "1"), talents: app.talents.codes).get()
            #expect(try await OfferController.store(checked, for: service, seenVersion: 0, tenantID: tenantID, on: app.db))
            let token = try #require(TestClient.firstMatch(#"<code class="secret">(sst_[A-Za-z0-9_-]+)</code>"#,
                                                           in: try await ApiAuthTests.createToken(scenario.coordinator).body.string))

            let offers = try await ApiAuthTests.bearer(app, SiteRoute.apiParticipationOffers.path(), token: token)
            let listed = try JSONDecoder().decode([OfferDTO].self, from: Data(offers.body.readableBytesView))
            #expect(offers.status == .ok && listed.map(\.name) == ["Statiegeldbalie"] && listed.first?.times == ["TU-am"] && listed.first?.ladderRung == 5)
            let one = try await ApiAuthTests.bearer(app, SiteRoute.apiParticipationOffer.path(try #require(listed.first?.id)), token: token)
            #expect(one.status == .ok)
            #expect(try await ApiAuthTests.bearer(app, SiteRoute.apiParticipationOffer.path(UUID()), token: token).status == .notFound)

            let residentID = try #require(try await Resident.query(on: app.db).first()?.requireID())
            let matches = SiteRoute.apiParticipationMatches.path(scenario.householdID, residentID)
            // The coordinator's team works on finances only: no participation profile for them.
            #expect(try await ApiAuthTests.bearer(app, matches, token: token).status == .forbidden)
            let involvement = try #require(try await Involvement.query(on: app.db).first())
            involvement.domains = "finances,social_participation"
            try await involvement.save(on: app.db)
            let answered = try await ApiAuthTests.bearer(app, matches, token: token)
            let found = try JSONDecoder().decode([MatchDTO].self, from: Data(answered.body.readableBytesView))
            #expect(answered.status == .ok && found.first?.name == "Statiegeldbalie")
            #expect(found.first?.reasons.map(\.code).contains("shared_talents") == true && found.first?.misfits.map(\.code) == ["distance_unknown", "support_missing"])
            #expect(try await ApiAuthTests.bearer(app, SiteRoute.apiParticipationMatches.path(scenario.householdID, UUID()), token: token).status == .notFound)
        }
    }
}

/// Fatima with her profile written, and a supermarket on the social map
/// whose volunteering offers she may match.
struct Supermarket {
    let app: Application, tenantID: UUID, resident: TestClient, map: SocialMapFixtures, provider: MapOrganization

    static func make(_ app: Application) async throws -> Supermarket {
        let scenario = try await HouseholdScenario.make(app)
        let tenantID = try scenario.tenant.requireID(), map = SocialMapFixtures(app: app, tenantID: tenantID)
        return Supermarket(app: app, tenantID: tenantID, resident: try await ParticipationProfileTests.residentWithProfile(scenario), map: map,
                           provider: try await map.provider("Buurtsuper"))
    }

    /// Saves `service`'s volunteering offer with these talents on `version`.
    func offer(_ service: Service, talents: [String], version: Int) async throws {
        let checked = try OfferCheck.check(OfferSubmission(kind: "volunteering", talents: talents, rung: "3", postcode: "1234AB", places: "2", placesFree: "1"),
                                           talents: app.talents.codes).get()
        #expect(try await OfferController.store(checked, for: service, seenVersion: version, tenantID: tenantID, on: app.db))
    }
}
