import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// The talent index says what the profiles and offers say, after every save
/// and after a profile is taken back: matching and the host's count read
/// only through it, so a stale row would show an offer or count a person wrongly.
@Suite("Participation: the talent index follows every save", .serialized)
struct TalentIndexTests {
    static func talents(_ index: TalentIndex, of id: UUID, on db: any Database) async throws -> [String] {
        try await db.sql.select().column("talent").from(index.table).where(SQLIdentifier(index.owner), .equal, id).orderBy("talent").all()
            .map { try $0.decode(column: "talent", as: String.self) }
    }

    @Test func profilesAndOffersKeepTheirRows() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            let resident = try await ParticipationProfileTests.residentWithProfile(scenario)
            let profileID = try #require(try await ParticipationProfile.query(on: app.db).first()?.requireID())
            #expect(try await Self.talents(.profiles, of: profileID, on: app.db) == ["collecting", "returns"])
            var changed = ParticipationProfileTests.profile(version: 1).filter { $0.1 != "collecting" }
            changed.append(("talents[]", "music"))
            #expect(try await resident.post(SiteRoute.portalParticipation.path(), pairs: changed).status == .seeOther)
            #expect(try await Self.talents(.profiles, of: profileID, on: app.db) == ["music", "returns"])
            #expect(try await resident.post(SiteRoute.portalParticipationWithdraw.path(), pairs: [("version", "2")]).status == .seeOther)
            #expect(try await Self.talents(.profiles, of: profileID, on: app.db).isEmpty, "taken back with the profile")

            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let service = try await map.service("Statiegeldbalie", at: try await map.provider("Buurtsuper"))
            for (version, talents) in [(0, ["returns", "sorting"]), (1, ["stock"])] {
                let checked = try OfferCheck.check(OfferSubmission(kind: "supported_job", talents: talents, rung: "5", postcode: "1234 AB", places: "2", placesFree: "1"),
                                                   talents: app.talents.codes).get()
                #expect(try await OfferController.store(checked, for: service, seenVersion: version, tenantID: tenantID, on: app.db))
                let offerID = try #require(try await ParticipationOffer.query(on: app.db).first()?.requireID())
                #expect(try await Self.talents(.offers, of: offerID, on: app.db) == talents)
            }
            // A save on an old version changes nothing, the index neither.
            let stale = try OfferCheck.check(OfferSubmission(kind: "job", talents: ["music"], rung: "6", postcode: "1234 AB", places: "1", placesFree: "1"), talents: app.talents.codes).get()
            #expect(try await OfferController.store(stale, for: service, seenVersion: 1, tenantID: tenantID, on: app.db) == false)
            #expect(try await Self.talents(.offers, of: try #require(try await ParticipationOffer.query(on: app.db).first()?.requireID()), on: app.db) == ["stock"])
        }
    }
}
