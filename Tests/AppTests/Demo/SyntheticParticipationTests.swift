import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import App

/// The synthetic municipality takes part by talent too (issue 24): an offer
/// for about every twenty residents, profiles for about one in ten adults
/// of working age, each with its talents in the index, and a synthetic
/// resident's matches found and explained by the same rule as the demo's.
@Suite("Synthetic municipality: offers and profiles")
struct SyntheticParticipationTests {
    @Test func offersAndProfilesAreMadeAndMatch() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 2_000, seed: 24, historyMonths: 12)
            let demoOffers = DemoParticipation.offers.count
            let offers = try await ParticipationOffer.query(on: app.db).all()
            #expect(offers.count == 2_000 / SyntheticParticipation.residentsPerOffer + demoOffers)
            #expect(offers.allSatisfy { $0.placesFree <= $0.places && !$0.talents.isEmpty && $0.postcode4.count == 4 })
            let profiles = try await ParticipationProfile.query(on: app.db).all()
            #expect((50...250).contains(profiles.count - 1), "about one in ten of some 1,200 adults of working age, and the demo's Fatima: \(profiles.count)")
            let sql = app.db as! any SQLDatabase
            for index in TalentIndex.allCases {
                let rows = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(index.table).first()?.decode(column: "n", as: Int.self)
                let expected = (index == .offers ? offers.map(\.talents) : profiles.map(\.talents)).reduce(0) { $0 + Set(ParticipationProfile.codes($1)).count }
                #expect(rows == expected, "\(index.table)")
            }
            // Every neighbourhood's centre is known, so distances are.
            #expect(try await PostcodeArea.query(on: app.db).count() >= DutchPlace.neighbourhoods.count)

            // A synthetic resident's matches: each shares a talent, best first.
            let profile = try #require(profiles.first { $0.talents.split(separator: ",").count >= 2 && $0.notWanted.isEmpty })
            let wish = profile.wish(rung: nil)
            let found = try await app.offerTerms.offers(sharingATalentWith: wish, tenantID: profile.tenantID, on: app.db)
            let expected = offers.filter { ParticipationMatching.isMatch(wish, $0.terms) }
            #expect(Set(found.map(\.id)) == Set(expected.compactMap(\.id)), "the index finds exactly the offers the rule calls a match")
        }
    }
}
