import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Issue 24: a professional with a participation domain helps a member
/// write their profile; one without sees no form; bad input is named and
/// kept; the save is marked as written together and the resident sees it so.
@Suite("Participation: a professional helps write the profile", .serialized)
struct ProfileHelperTests {
    @Test func aProfessionalWithTheDomainWritesItTogetherWithTheResident() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let residentID = try #require(try await Resident.query(on: app.db).filter(\.$householdID == scenario.householdID).first()?.requireID())
            let path = SiteRoute.residentParticipation.path(scenario.householdID, residentID)
            // The coordinator's team works on finances only: no form, and no link on the household.
            #expect(try await scenario.coordinator.get(path).status == .forbidden)
            #expect(!(try await scenario.coordinator.get(SiteRoute.household.path(scenario.householdID)).body.string.contains(path)))

            // The municipality's own work team: no consent needed for its domain.
            let jobcoach = try await scenario.fixtures.organization(in: scenario.tenant, name: "Werkplein", kind: .socialTeam)
            jobcoach.partOfMunicipality = true
            try await jobcoach.save(on: app.db)
            try await scenario.involve(jobcoach, [.workAndEducation])
            let coach = try await scenario.professional("jobcoach", of: jobcoach)
            #expect(try await coach.get(SiteRoute.household.path(scenario.householdID)).body.string.contains(path))
            let empty = try await coach.get(path).body.string
            #expect(empty.contains("Meedoen-profiel van Fatima El Amrani") && empty.contains("Er is nog geen profiel.") && !empty.contains("withdraw-title"))

            // A distance out of range: named, and what was typed stays.
            let refused = try await coach.post(path, pairs: ParticipationProfileTests.profile(version: 0, kilometres: "500", words: "Houdt van flessen sorteren"))
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Houdt van flessen sorteren") && refused.body.string.contains("value=\"500\""))
            #expect(try await ParticipationProfile.query(on: app.db).count() == 0)

            #expect(try await coach.post(path, pairs: ParticipationProfileTests.profile(version: 0)).status == .seeOther)
            let profile = try #require(try await ParticipationProfile.query(on: app.db).first())
            #expect(profile.writtenByResident == false && profile.residentID == residentID)
            #expect(try await coach.get(path).body.string.contains("samen met iemand van het team"))
            // A second save on the version it saw before: refused, the form kept.
            let stale = try await coach.post(path, pairs: ParticipationProfileTests.profile(version: 0, words: "Later getypt"))
            #expect(stale.status == .conflict && stale.body.string.contains("Later getypt"))

            // The resident sees it as written with their team, and can take it back.
            let resident = try await ActionRightsTests.residentClient(scenario)
            let own = try await resident.get(SiteRoute.portalParticipation.path()).body.string
            #expect(own.contains("samen met iemand van uw team") && own.contains("withdraw-title"))
        }
    }
}
