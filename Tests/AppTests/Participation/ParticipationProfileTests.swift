import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 24: the resident writes their participation profile in the portal;
/// bad input is named field by field and loses nothing; every save keeps the
/// version before; a stale save is refused; withdrawing erases it all.
@Suite("Participation: the resident's profile", .serialized)
struct ParticipationProfileTests {
    /// The scenario's resident, signed in to the portal, with `profile(version: 0)` written.
    static func residentWithProfile(_ scenario: HouseholdScenario) async throws -> TestClient {
        let resident = try await ActionRightsTests.residentClient(scenario)
        #expect(try await resident.post(SiteRoute.portalParticipation.path(), pairs: profile(version: 0)).status == .seeOther)
        return resident
    }

    static func profile(version: Int, kilometres: String = "5", words: String = "Ik verzamel graag lege flessen") -> [(String, String)] {
        [("version", String(version)), ("talents[]", "collecting"), ("talents[]", "returns"), ("own_words", words),
         ("skills", "Rijbewijs B"), ("available[]", "MO-am"), ("available[]", "TU-am"), ("travel_mode", "bike"), ("max_km", kilometres),
         ("needs[]", "job_coach"), ("not_wanted[]", "course")]
    }

    @Test func theResidentWritesChangesAndTakesBackTheirProfile() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await ActionRightsTests.residentClient(scenario)
            let path = SiteRoute.portalParticipation.path()
            let empty = try await resident.get(path)
            #expect(empty.status == .ok && empty.body.string.contains("Waar bent u goed in"))

            // Everything wrong at once: named by field, what was typed kept, nothing saved.
            let bad = try await resident.post(path, pairs: [("version", "0"), ("talents[]", "juggling-knives"), ("skills", "Heftruckcertificaat"),
                                                            ("available[]", "XX-am"), ("travel_mode", "rocket"), ("max_km", "500")])
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            for message in ["Kies alleen uit de lijst.", "Kies alleen dagdelen uit de lijst.", "Vul een getal in van 0 tot en met 100."] {
                #expect(page.contains(message), "\(message)")
            }
            #expect(page.contains("Heftruckcertificaat") && page.contains(#"value="500""#))
            #expect(try await ParticipationProfile.query(on: app.db).count() == 0)

            #expect(try await resident.post(path, pairs: Self.profile(version: 0)).status == .seeOther)
            let saved = try #require(try await ParticipationProfile.query(on: app.db).first())
            #expect(saved.version == 1 && saved.talents == "collecting,returns" && saved.needs == "job_coach" && saved.writtenByResident)
            #expect(saved.wish(rung: nil).availability == HalfDays(codes: ["MO-am", "TU-am"]))
            // Their own words are sealed.
            for row in try await app.db.sql.raw("SELECT * FROM participation_profiles").all() {
                for column in row.allColumns {
                    #expect((try? row.decode(column: column, as: String?.self))??.contains("flessen") != true, "\(column)")
                }
            }
            let shown = try await resident.get(path).body.string
            #expect(shown.contains("Ik verzamel graag lege flessen") && shown.contains(#"value="collecting" checked"#))
            // Part of "download my data", in words.
            let export = try await resident.get(SiteRoute.portalExportJSON.path()).body.string
            #expect(export.contains("Ik verzamel graag lege flessen") && export.contains("Statiegeld en retouren") && export.contains("maandag ochtend"))

            #expect(try await resident.post(path, pairs: Self.profile(version: 1, kilometres: "8")).status == .seeOther)
            // A save from the version before: refused, what was typed kept, nothing overwritten.
            let stale = try await resident.post(path, pairs: Self.profile(version: 1, kilometres: "3", words: "Iets heel anders"))
            #expect(stale.status == .conflict && stale.body.string.contains("Iets heel anders"))
            let current = try #require(try await ParticipationProfile.query(on: app.db).first())
            #expect(current.version == 2 && current.maxKilometres == 8)
            #expect(try await ParticipationProfileRevision.query(on: app.db).count() == 1)
            #expect(try await resident.get(path).body.string.contains("Versie 1, van"))

            #expect(try await resident.post(SiteRoute.portalParticipationWithdraw.path(), pairs: [("version", "1")]).status == .conflict)
            #expect(try await resident.post(SiteRoute.portalParticipationWithdraw.path(), pairs: [("version", "2")]).status == .seeOther)
            #expect(try await ParticipationProfile.query(on: app.db).count() == 0)
            #expect(try await ParticipationProfileRevision.query(on: app.db).count() == 0)
            let events = try await AccessLogEntry.query(on: app.db).filter(\.$objectType == "participation_profile").all().map(\.event)
            #expect(events.filter { $0 == "participation_profile.saved" }.count == 2 && events.contains("participation_profile.withdrawn"))
        }
    }

    @Test func onlyTheResidentsOwnHouseholdAndTheTeamsDomainsOpenIt() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await ActionRightsTests.residentClient(scenario)
            #expect(try await resident.post(SiteRoute.portalParticipation.path(), pairs: Self.profile(version: 0)).status == .seeOther)
            // Professionals have no portal.
            #expect(try await scenario.coordinator.get(SiteRoute.portalParticipation.path()).status == .notFound)
            // Through the access rule: readable under the participation domains only.
            let household = try #require(try await Household.query(on: app.db).first())
            let residentID = try #require(try await Resident.query(on: app.db).first()?.requireID())
            for (domains, reads) in [([LifeDomain.finances], false), ([.socialParticipation], true), ([.workAndEducation], true), ([.timeUse], true)] {
                let facts = AccessContext(role: .professional, involvementDomains: Set(domains), organizationIsMunicipal: true)
                let opened = ResidentAccess.Opened(household: household, context: facts, basis: .involvement)
                #expect((try await opened.participationProfile(of: residentID, on: app.db) != nil) == reads, "\(domains)")
            }
        }
    }
}
