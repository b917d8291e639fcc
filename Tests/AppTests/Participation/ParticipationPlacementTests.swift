import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Issue 24, placements: the host starts one after the introduction, as an
/// action of its own on the household's plan; resident and host answer the
/// check-ins; it ends with a reason, and nothing comes after the end. Bad
/// input is named and keeps what was typed; nothing is half-saved.
@Suite("Participation: placements and their check-ins", .serialized)
struct ParticipationPlacementTests {
    struct Setup {
        let scenario: HouseholdScenario
        let resident: TestClient
        let employer: TestClient
        let serviceID: UUID
        let offerID: UUID
        let proposal: ParticipationProposal
        let hostID: UUID
        var candidates: String { SiteRoute.socialMapServiceCandidates.path(serviceID) }
    }

    /// Fatima signed up for the supermarket's returns desk (one place free) and the supermarket accepted.
    static func accepted(_ app: Application, placesFree: Int = 1) async throws -> Setup {
        let scenario = try await HouseholdScenario.make(app)
        let tenantID = try scenario.tenant.requireID()
        let resident = try await ParticipationProfileTests.residentWithProfile(scenario)
        let host = try await scenario.fixtures.organization(in: scenario.tenant, name: "Buurtsuper De Hoek", kind: .employer)
        let map = SocialMapFixtures(app: app, tenantID: tenantID)
        let service = try await map.service("Statiegeldbalie", at: try await map.provider("Buurtsuper De Hoek", linkedTo: host))
        let checked = try OfferCheck.check(OfferSubmission(kind: "supported_job", talents: ["returns"], rung: "5", times: ["TU-am"], postcode: "1234 AB",
                                                           support: ["job_coach"], places: "2", placesFree: String(placesFree)), talents: app.talents.codes).get()
        #expect(try await OfferController.store(checked, for: service, seenVersion: 0, tenantID: tenantID, on: app.db))
        let offerID = try #require(try await ParticipationOffer.query(on: app.db).first()?.requireID())
        let employer = try await scenario.professional("winkelier", of: host)
        #expect(try await resident.post(SiteRoute.portalParticipationPropose.path(offerID), pairs: []).status == .seeOther)
        let proposal = try #require(try await ParticipationProposal.query(on: app.db).first())
        let serviceID = try service.requireID()
        #expect(try await employer.post(SiteRoute.socialMapServiceCandidate.path(serviceID, try proposal.requireID()), ["decision": "accept", "version": "1"]).status == .seeOther)
        return Setup(scenario: scenario, resident: resident, employer: employer, serviceID: serviceID, offerID: offerID,
                     proposal: try #require(try await ParticipationProposal.find(proposal.id, on: app.db)), hostID: try host.requireID())
    }

    @Test func aPlacementRunsFromStartThroughCheckInsToItsEnd() async throws {
        try await withApp { app in
            let setup = try await Self.accepted(app)
            let proposalID = try setup.proposal.requireID(), prefix = PlacementController.prefix(proposalID)
            let start = SiteRoute.socialMapServiceCandidateStart.path(setup.serviceID, proposalID)
            let page = try await setup.employer.get(setup.candidates).body.string
            #expect(page.contains(start) && page.contains("Plaatsing starten"))

            // A start that does not parse: named, kept, nothing made.
            let bad = try await setup.employer.post(start, ["started_on": "31-31-2026", "check_in_weeks": "0", "version": "2"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("value=\"31-31-2026\""))
            #expect(bad.body.string.contains("href=\"#\(prefix)-started\"") && bad.body.string.contains("href=\"#\(prefix)-weeks\""))
            #expect(try await ParticipationPlacement.query(on: app.db).count() == 0)
            #expect(try await PlanAction.query(on: app.db).count() == 0)

            let today = Day.today()
            #expect(try await setup.employer.post(start, ["started_on": today, "check_in_weeks": "2", "version": "2"]).status == .seeOther)
            let placement = try #require(try await ParticipationPlacement.query(on: app.db).first())
            #expect(placement.hostOrganizationID == setup.hostID && placement.startedOn == today && placement.rungBefore == nil && placement.offerRung == 5)
            #expect(try await ParticipationOffer.find(setup.offerID, on: app.db)?.placesFree == 0)
            // On the plan: the host's own action under a goal in work and education, and the ladder proposed.
            let actions = try await PlanAction.query(on: app.db).filter(\.$householdID == setup.scenario.householdID).all()
            let action = try #require(actions.first { $0.id == placement.actionID })
            #expect(action.ownerOrganizationID == setup.hostID && action.status == "in_progress" && action.description == "Meedoen bij Statiegeldbalie")
            #expect(try await Goal.find(placement.goalID, on: app.db)?.domain == LifeDomain.workAndEducation.rawValue)
            #expect(actions.contains { $0.ownerKind == "resident" && $0.description == "Participatieladder invullen (deze plek hoort bij trede 5)" && $0.goalID == placement.goalID })
            let logged = try #require(try await AccessLogEntry.query(on: app.db).filter(\.$event == "placement.started").first())
            #expect(logged.basis == "consent" && logged.subjectID == setup.scenario.householdID && logged.purpose == "detail:\(LifeDomain.workAndEducation.rawValue)")
            // Started twice: refused.
            #expect(try await setup.employer.post(start, ["started_on": today, "check_in_weeks": "2", "version": "2"]).status == .conflict)

            // The resident's check-in: an answer is needed, and the words stay.
            let residentCheckIn = SiteRoute.portalPlacementCheckIn.path(try placement.requireID())
            let matches = try await setup.resident.get(SiteRoute.portalParticipationMatches.path()).body.string
            #expect(matches.contains("Waar u meedoet") && matches.contains("Hoe gaat het bij Statiegeldbalie?") && matches.contains(residentCheckIn))
            let unanswered = try await setup.resident.post(residentCheckIn, ["words": "Fijne collega's", "version": "0"])
            #expect(unanswered.status == .unprocessableEntity && unanswered.body.string.contains("Kies hoe het gaat.") && unanswered.body.string.contains("Fijne collega&#39;s"))
            #expect(try await setup.resident.post(residentCheckIn, ["answer": "good", "words": "Fijne collega's", "version": "0"]).status == .seeOther)
            let checkIn = try #require(try await ParticipationCheckIn.query(on: app.db).first())
            #expect(checkIn.number == 1 && checkIn.residentAnswer == "good" && checkIn.residentWordsEncrypted?.contains("Fijne") == false)

            // The host answers the same check-in, on the version it saw; an older version is refused.
            let hostCheckIn = SiteRoute.socialMapPlacementCheckIn.path(setup.serviceID, try placement.requireID())
            #expect(try await setup.employer.post(hostCheckIn, ["answer": "fair", "version": "0"]).status == .conflict)
            #expect(try await setup.employer.post(hostCheckIn, ["answer": "fair", "words": "Nog wat onwennig", "version": "1"]).status == .seeOther)
            let hostPage = try await setup.employer.get(setup.candidates).body.string
            #expect(hostPage.contains("Fatima El Amrani: Goed — “Fijne collega&#39;s”") && hostPage.contains("U: Gaat wel — “Nog wat onwennig”"))
            #expect(try await setup.resident.get(SiteRoute.portalParticipationMatches.path()).body.string.contains("Buurtsuper De Hoek: Gaat wel"))
            // Part of "download my data", both answers with their words.
            let exported = try await setup.resident.get(SiteRoute.portalExportHTML.path()).body.string
            #expect(exported.contains("Waar u meedoet: Statiegeldbalie") && exported.contains("U: Goed — “Fijne collega&#39;s”; Buurtsuper De Hoek: Gaat wel"))
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$event == "participation_placement.view").filter(\.$basis == "consent").count() >= 1)

            // Nobody else answers: not another organisation's professional, not the coordinator.
            let other = try await setup.scenario.fixtures.organization(in: setup.scenario.tenant, name: "Bakkerij", kind: .employer)
            #expect(try await setup.scenario.professional("bakker", of: other).post(hostCheckIn, ["answer": "hard", "version": "2"]).status == .notFound)
            #expect(try await setup.scenario.coordinator.post(hostCheckIn, ["answer": "hard", "version": "2"]).status == .notFound)

            // The end: a reason and a day from the start to today; then no check-in any more.
            let end = SiteRoute.socialMapPlacementEnd.path(setup.serviceID, try placement.requireID())
            let early = try await setup.employer.post(end, ["ended_on": "2020-01-01", "version": "1"])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("Kies een dag vanaf de startdag tot en met vandaag."))
            #expect(try await ParticipationPlacement.find(placement.id, on: app.db)?.endedOn == nil)
            let stamp = try await OfferTermsCache.stamp(of: setup.scenario.tenant.requireID(), on: app.db)
            #expect(try await setup.employer.post(end, ["reason": "next_step", "ended_on": today, "version": "1"]).status == .seeOther)
            #expect(try await OfferTermsCache.stamp(of: setup.scenario.tenant.requireID(), on: app.db) != stamp, "the place free again shows in every server's matches")
            let ended = try #require(try await ParticipationPlacement.find(placement.id, on: app.db))
            #expect(ended.endedOn == today && ended.endReason == "next_step")
            #expect(try await PlanAction.find(placement.actionID, on: app.db)?.status == "done")
            #expect(try await ParticipationOffer.find(setup.offerID, on: app.db)?.placesFree == 1)
            let late = try await setup.resident.post(residentCheckIn, ["answer": "good", "version": "2"])
            #expect(late.status == .conflict && late.body.string.contains("Deze plaatsing is gestopt. Een gesprek kan niet meer."))
            #expect(try await ParticipationCheckIn.query(on: app.db).first()?.version == 2)
            #expect(try await setup.employer.post(end, ["reason": "completed", "ended_on": today, "version": "2"]).status == .conflict)

            // The timeline shows start and end to whoever may see work and education.
            let changes = try await Timeline.changes(of: setup.scenario.householdID, tenantID: try setup.scenario.tenant.requireID(), limit: 50, on: app.db)
            #expect(Set(changes.map(\.event)).isSuperset(of: ["placement.started", "placement.ended"]))
        }
    }

    @Test func withoutAPlaceFreeNothingStarts() async throws {
        try await withApp { app in
            let setup = try await Self.accepted(app, placesFree: 0)
            let proposalID = try setup.proposal.requireID()
            let refused = try await setup.employer.post(SiteRoute.socialMapServiceCandidateStart.path(setup.serviceID, proposalID),
                                                        ["started_on": Day.today(), "check_in_weeks": "4", "version": "2"])
            #expect(refused.status == .conflict && refused.body.string.contains("Er is geen plek vrij."))
            #expect(try await ParticipationPlacement.query(on: app.db).count() == 0)
            #expect(try await PlanAction.query(on: app.db).count() == 0)
            #expect(try await Goal.query(on: app.db).filter(\.$title == "Meedoen op een plek die bij mij past").count() == 0)
        }
    }

    @Test func theResidentEndsTheirOwnPlacementAndNobodyElseThere() async throws {
        try await withApp { app in
            let setup = try await Self.accepted(app)
            let proposalID = try setup.proposal.requireID()
            #expect(try await setup.employer.post(SiteRoute.socialMapServiceCandidateStart.path(setup.serviceID, proposalID),
                                                  ["started_on": Day.today(), "check_in_weeks": "4", "version": "2"]).status == .seeOther)
            let placement = try #require(try await ParticipationPlacement.query(on: app.db).first())
            let end = SiteRoute.portalPlacementEnd.path(try placement.requireID())
            // The portal's door is the resident's own: the host and the coordinator find nothing there.
            #expect(try await setup.employer.post(end, ["reason": "health", "ended_on": Day.today(), "version": "1"]).status == .notFound)
            #expect(try await setup.scenario.coordinator.post(end, ["reason": "health", "ended_on": Day.today(), "version": "1"]).status == .notFound)
            #expect(try await setup.resident.post(end, ["reason": "health", "ended_on": Day.today(), "version": "1"]).status == .seeOther)
            #expect(try await PlanAction.find(placement.actionID, on: app.db)?.status == "cancelled")
            #expect(try await setup.resident.get(SiteRoute.portalParticipationMatches.path()).body.string.contains("Door de gezondheid."))
        }
    }

    @Test func theAPIGivesPlacementsToWhoMayReadTheProfile() async throws {
        try await withApp { app in
            let setup = try await Self.accepted(app)
            #expect(try await setup.employer.post(SiteRoute.socialMapServiceCandidateStart.path(setup.serviceID, try setup.proposal.requireID()),
                                                  ["started_on": Day.today(), "check_in_weeks": "2", "version": "2"]).status == .seeOther)
            let placement = try #require(try await ParticipationPlacement.query(on: app.db).first())
            #expect(try await setup.resident.post(SiteRoute.portalPlacementCheckIn.path(try placement.requireID()), ["answer": "good", "version": "0"]).status == .seeOther)
            let path = SiteRoute.apiParticipationPlacements.path(setup.scenario.householdID, placement.residentID)
            // The coordinator's team works on finances only.
            let coordinatorToken = try #require(TestClient.firstMatch(#"<code class="secret">(sst_[A-Za-z0-9_-]+)</code>"#,
                                                                      in: try await ApiAuthTests.createToken(setup.scenario.coordinator).body.string))
            #expect(try await ApiAuthTests.bearer(app, path, token: coordinatorToken).status == .forbidden)

            let werkplein = try await setup.scenario.fixtures.organization(in: setup.scenario.tenant, name: "Werkplein", kind: .socialTeam)
            werkplein.partOfMunicipality = true
            try await werkplein.save(on: app.db)
            try await setup.scenario.involve(werkplein, [.workAndEducation])
            let coach = try await setup.scenario.professional("jobcoach", of: werkplein)
            let token = try #require(TestClient.firstMatch(#"<code class="secret">(sst_[A-Za-z0-9_-]+)</code>"#, in: try await ApiAuthTests.createToken(coach).body.string))
            let answer = try await ApiAuthTests.bearer(app, path, token: token)
            let listed = try JSONDecoder().decode([PlacementDTO].self, from: Data(answer.body.readableBytesView))
            #expect(answer.status == .ok && listed.count == 1 && listed.first?.service == "Statiegeldbalie" && listed.first?.checkInWeeks == 2)
            #expect(listed.first?.checkIns.first?.resident == "good" && listed.first?.checkIns.first?.host == nil && listed.first?.endedOn == nil)
        }
    }
}
