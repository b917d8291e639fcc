import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Issue 24, matching both ways: a municipal team sees, for its own offer,
/// the people of its own caseload whose profile it may read, ranked and
/// explained, each look logged under its involvement; a partner with the
/// same involvement sees nobody without their consent.
@Suite("Participation: candidates from a municipal team's own caseload", .serialized)
struct ParticipationCaseloadTests {
    @Test func aMunicipalTeamSeesItsOwnCaseloadAndAPartnerDoesNot() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            let resident = try await ParticipationProfileTests.residentWithProfile(scenario)
            let map = SocialMapFixtures(app: app, tenantID: tenantID)

            func host(_ name: String, municipal: Bool, domains: [LifeDomain]) async throws -> (TestClient, String) {
                let organization = try await scenario.fixtures.organization(in: scenario.tenant, name: name, kind: .socialTeam)
                organization.partOfMunicipality = municipal
                try await organization.save(on: app.db)
                try await scenario.involve(organization, domains)
                let service = try await map.service("Werkcafé \(name)", at: try await map.provider(name, linkedTo: organization))
                let checked = try OfferCheck.check(OfferSubmission(kind: "work_experience", talents: ["returns", "sorting"], rung: "4", postcode: "1234 AB",
                                                                   places: "3", placesFree: "2"), talents: app.talents.codes).get()
                #expect(try await OfferController.store(checked, for: service, seenVersion: 0, tenantID: tenantID, on: app.db))
                return (try await scenario.professional(name.lowercased(), of: organization), SiteRoute.socialMapServiceCandidates.path(try service.requireID()))
            }

            let (werkplein, werkpleinPage) = try await host("Werkplein", municipal: true, domains: [.workAndEducation])
            let page = try await werkplein.get(werkpleinPage).body.string
            #expect(page.contains("Uit uw eigen caseload") && page.contains("Fatima El Amrani") && page.contains("statiegeld en retouren"))
            #expect(page.contains(SiteRoute.household.path(scenario.householdID)))
            let logged = try await AccessLogEntry.query(on: app.db).filter(\.$event == "participation_candidate.view").all()
            #expect(logged.count == 1 && logged.first?.basis == "involvement" && logged.first?.subjectID == scenario.householdID)

            #expect(!page.contains("Een stap verder op de participatieladder"), "no ladder yet")

            // Her latest ladder gives her rung, to whom the access rule shows the ladder's domain (taking part).
            let fatima = try #require(try await Resident.query(on: app.db).filter(\.$householdID == scenario.householdID).filter(\.$givenName == "Fatima").first())
            let ladder = app.instruments.instrument("participation-ladder")!, author = try #require(fatima.userID)
            for (day, rung) in [("2026-01-10", 1), ("2026-03-10", 2)] {
                let assessment = Assessment(tenantID: tenantID, householdID: scenario.householdID, residentID: try fatima.requireID(), instrument: ladder, assessedOn: day,
                                            source: .own, assessedBy: author, organizationID: nil, reasonEncrypted: nil)
                try await assessment.create(on: app.db)
                try await AssessmentScore(tenantID: tenantID, assessmentID: try assessment.requireID(), item: ladder.items[0], score: rung).create(on: app.db)
            }
            #expect(!(try await werkplein.get(werkpleinPage).body.string.contains("Een stap verder op de participatieladder")), "work only: the ladder is not shown")
            let (meedoen, meedoenPage) = try await host("Meedoen", municipal: true, domains: [.workAndEducation, .socialParticipation])
            #expect(try await meedoen.get(meedoenPage).body.string.contains("Een stap verder op de participatieladder: van trede 2 naar trede 4."))

            // A municipal team on finances only may not read the profile: nobody listed.
            let (kassa, kassaPage) = try await host("Kassa", municipal: true, domains: [.finances])
            #expect(!(try await kassa.get(kassaPage).body.string.contains("Fatima El Amrani")))
            // A partner with the same involvement as the Werkplein: consent first, so nobody listed.
            let (partner, partnerPage) = try await host("Buurtbedrijf", municipal: false, domains: [.workAndEducation])
            let partnerView = try await partner.get(partnerPage).body.string
            #expect(!partnerView.contains("Fatima El Amrani") && !partnerView.contains("Uit uw eigen caseload"))
        }
    }
}
