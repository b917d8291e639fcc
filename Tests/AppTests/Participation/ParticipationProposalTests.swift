import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Issue 24, consent first: the offering organisation sees a resident only
/// after they agreed to be put forward for that offer — before that, a count
/// of at least five at most; twice is refused clearly; taking it back hides
/// them again; every candidate shown is logged under the resident's consent.
@Suite("Participation: being put forward, consent first", .serialized)
struct ParticipationProposalTests {
    @Test func theHostSeesACandidateOnlyAfterTheyAgreed() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            let resident = try await ParticipationProfileTests.residentWithProfile(scenario)
            let host = try await scenario.fixtures.organization(in: scenario.tenant, name: "Buurtsuper De Hoek", kind: .employer)
            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let service = try await map.service("Statiegeldbalie", at: try await map.provider("Buurtsuper De Hoek", linkedTo: host))
            let checked = try OfferCheck.check(OfferSubmission(kind: "supported_job", talents: ["returns"], rung: "5", times: ["TU-am"], postcode: "1234 AB",
                                                               support: ["job_coach"], places: "2", placesFree: "1"), talents: app.talents.codes).get()
            #expect(try await OfferController.store(checked, for: service, seenVersion: 0, tenantID: tenantID, on: app.db))
            let offerID = try #require(try await ParticipationOffer.query(on: app.db).first()?.requireID())
            let serviceID = try service.requireID()
            let employer = try await scenario.professional("winkelier", of: host)
            let candidates = SiteRoute.socialMapServiceCandidates.path(serviceID)

            // Before consent: no name, and a count only from five up.
            let before = try await employer.get(candidates)
            #expect(before.status == .ok && !before.body.string.contains("El Amrani") && before.body.string.contains("minder dan 5"))
            #expect(try await employer.get(SiteRoute.socialMapService.path(serviceID)).body.string.contains(candidates))
            // Nobody else sees candidates: not the municipality's coordinator, not another organisation.
            #expect(try await scenario.coordinator.get(candidates).status == .notFound)

            let propose = SiteRoute.portalParticipationPropose.path(offerID)
            #expect(try await resident.post(propose, pairs: []).status == .seeOther)
            let twice = try await resident.post(propose, pairs: [])
            #expect(twice.status == .conflict && twice.body.string.contains("U heeft zich hiervoor al aangemeld."))
            #expect(try await ParticipationProposal.query(on: app.db).count() == 1)

            let after = try await employer.get(candidates).body.string
            #expect(after.contains("Fatima El Amrani") && after.contains("Past bij wat deze inwoner goed kan of leuk vindt: statiegeld en retouren."))
            #expect(!after.contains("Dorpsstraat"), "nothing else of the file")
            let logged = try await AccessLogEntry.query(on: app.db).filter(\.$event == "participation_candidate.view").all()
            #expect(logged.count == 1 && logged.first?.basis == "consent" && logged.first?.subjectID == scenario.householdID)

            let proposal = try #require(try await ParticipationProposal.query(on: app.db).first())
            let answer = SiteRoute.socialMapServiceCandidate.path(serviceID, try proposal.requireID())
            #expect(try await employer.post(answer, ["decision": "accept", "version": "0"]).status == .conflict)
            #expect(try await employer.post(answer, ["decision": "accept", "version": "1"]).status == .seeOther)
            #expect(try await resident.get(SiteRoute.portalParticipationMatches.path()).body.string.contains("De organisatie wil graag kennismaken."))

            // Taken back: the organisation no longer sees them.
            #expect(try await resident.post(SiteRoute.portalParticipationProposalWithdraw.path(try proposal.requireID()), pairs: []).status == .seeOther)
            #expect(!(try await employer.get(candidates).body.string.contains("El Amrani")))

            // Five other profiles that fit: counted, never named.
            for _ in 0..<5 {
                let other = ParticipationProfile()
                (other.id, other.tenantID, other.householdID, other.residentID, other.version, other.createdAt) = (UUID(), tenantID, UUID(), UUID(), 1, Date())
                other.fill(try ProfileCheck.check(ProfileSubmission(talents: ["returns"], travelMode: "walking", kilometres: "2"), talents: app.talents.codes).get(),
                           sealedTexts: "", writer: UUID(), byResident: true, at: Date())
                try await ParticipationProfiles.insert(other, on: app.db)
            }
            #expect(try await employer.get(candidates).body.string.contains("Bij 6 andere inwoners past dit aanbod ook"))

            // Signed up again, then the whole profile taken back: the sign-up goes with it.
            #expect(try await resident.post(propose, pairs: []).status == .seeOther)
            #expect(try await employer.get(candidates).body.string.contains("Fatima El Amrani"))
            let version = try #require(try await ParticipationProfile.query(on: app.db).filter(\.$householdID == scenario.householdID).first()?.version)
            #expect(try await resident.post(SiteRoute.portalParticipationWithdraw.path(), pairs: [("version", String(version))]).status == .seeOther)
            #expect(!(try await employer.get(candidates).body.string.contains("El Amrani")))
            #expect(try await ParticipationProposal.query(on: app.db).first()?.status == "withdrawn")
        }
    }
}
