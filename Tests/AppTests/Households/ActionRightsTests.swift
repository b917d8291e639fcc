import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Seeing is not doing (DESIGN.md §3.2, §3.8): an emergency opening reads and
/// may add a note, and nothing done under it outlives it; a resident acts
/// through the portal, never through the professionals' forms.
@Suite("What each role may do")
struct ActionRightsTests {
    static let reason = "Inwoner belde in crisis, acuut suïciderisico"

    @Test func anEmergencyOpeningReadsButNeverChangesConsentOrTheTeam() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let outsider = try await scenario.professional("crisisdienst", of: scenario.partner)
            let before = try await outsider.get(scenario.path)
            #expect(before.status == .forbidden)
            #expect(try await outsider.post(SiteRoute.breakTheGlass.path(scenario.householdID), ["reason": Self.reason]).status == .seeOther)
            #expect(try await outsider.get(scenario.path).status == .ok)
            let residentID = try #require(try await Resident.query(on: app.db).first()?.requireID())

            // What would outlive the opening is refused.
            let consent = try await outsider.post(SiteRoute.consents.path(scenario.householdID), [
                "resident_id": residentID.uuidString, "organization_id": try scenario.partner.requireID().uuidString,
                "domains[]": "finances", "purpose": "Hulp bij schulden", "valid_from": Day.today(), "method": "signed_on_paper",
            ])
            #expect(consent.status == .forbidden)
            let team = try await outsider.post(SiteRoute.involvements.path(scenario.householdID), [
                "organization_id": try scenario.partner.requireID().uuidString, "domains[]": "finances", "coordinator": "on",
            ])
            #expect(team.status == .forbidden)
            let goal = try await outsider.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": "Nieuw doel"])
            #expect(goal.status == .forbidden)
            #expect(try await Consent.query(on: app.db).count() == 0)
            #expect(try await Involvement.query(on: app.db).count() == 1)
            #expect(try await Goal.query(on: app.db).count() == 0)

            // A note is what an emergency may write.
            let note = try await outsider.post(SiteRoute.notes.path(scenario.householdID), [
                "domain": "mental_health", "kind": "note", "occurred_on": Day.today(), "text": "Crisisdienst ter plaatse geweest.",
            ])
            #expect(note.status == .seeOther)

            // When the opening ends, the household answers as it did before.
            let opening = try #require(try await BreakTheGlassOpening.query(on: app.db).first())
            opening.expiresAt = Date().addingTimeInterval(-1)
            try await opening.save(on: app.db)
            let after = try await outsider.get(scenario.path)
            #expect(after.status == before.status)
        }
    }

    @Test func aResidentDoesNotAdministerTheTeamOrRecordPaperConsents() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            _ = try await scenario.consent([.finances], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.finances])
            let partnerInvolvement = try #require(try await Involvement.query(on: app.db).filter(\.$organizationID == scenario.partner.requireID()).first())
            let coordinating = try #require(try await Involvement.query(on: app.db).filter(\.$isCoordinator == true).first())
            let person = try await Self.residentClient(scenario)
            #expect(try await person.get("/portal").status == .ok)
            let residentID = try #require(try await Resident.query(on: app.db).first()?.requireID())

            let attempts: [(String, [String: String])] = [
                (SiteRoute.involvementEnd.path(scenario.householdID, try partnerInvolvement.requireID()), [:]),
                (SiteRoute.involvements.path(scenario.householdID), ["organization_id": try scenario.partner.requireID().uuidString, "domains[]": "finances", "coordinator": "on"]),
                (SiteRoute.consents.path(scenario.householdID), [
                    "resident_id": residentID.uuidString, "organization_id": try scenario.partner.requireID().uuidString,
                    "domains[]": "housing", "purpose": "Woonbegeleiding", "valid_from": Day.today(), "method": "signed_on_paper",
                ]),
                (SiteRoute.goals.path(scenario.householdID), ["domain": "justice", "title": "Doel via het professionele formulier"]),
                (SiteRoute.notes.path(scenario.householdID), ["domain": "finances", "kind": "note", "occurred_on": Day.today(), "text": "Notitie"]),
                (SiteRoute.planReview.path(scenario.householdID), ["review_on": "2099-01-01"]),
                (SiteRoute.members.path(scenario.householdID), ["given_name": "Omar", "family_name": "El Amrani", "birth_date": "2010-01-01", "relation": "child"]),
                (SiteRoute.portalCode.path(scenario.householdID, residentID), [:]),
            ]
            for (path, form) in attempts {
                let response = try await person.post(path, form)
                #expect(response.status == .forbidden, "\(path)")
            }
            #expect(try await Involvement.find(partnerInvolvement.id, on: app.db)?.endsOn == nil)
            #expect(try await Involvement.find(coordinating.id, on: app.db)?.isCoordinator == true)
            #expect(try await Involvement.query(on: app.db).count() == 2)
            #expect(try await Consent.query(on: app.db).count() == 1)
            #expect(try await Goal.query(on: app.db).count() == 0)
            #expect(try await Note.query(on: app.db).count() == 0)
            #expect(try await Resident.query(on: app.db).count() == 1)
            // What the portal offers still works.
            #expect(try await person.post("/portal/consents", ["organization_id": try scenario.partner.requireID().uuidString, "domains[]": "housing", "purpose": "Woonbegeleiding"]).status == .seeOther)
        }
    }

    @Test func intakeDoesNotTellWhoABSNBelongsTo() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let outsider = try await scenario.professional("jeugdteam", of: scenario.partner)
            try await outsider.get("/households/new")
            let form = HouseholdScenario.intake(["given_name": "Iemand", "family_name": "Anders", "birth_date": "1990-01-01", "consent_method": "signed_on_paper", "consent_purpose": "Hulp"])
            let response = try await outsider.post("/households", form)
            #expect(response.status == .conflict)
            let body = response.body.string
            #expect(!body.contains("Fatima") && !body.contains("El Amrani"))
            // Whom to contact instead, and not her birth date.
            let notice = try #require(TestClient.firstMatch(#"(?s)<div class="conflict"(.*?)</div>"#, in: body))
            #expect(notice.contains("Werk en Inkomen") && !notice.contains("1984"))
            let lookups = try await AccessLogEntry.query(on: app.db).filter(\.$event == "intake.bsn_lookup").filter(\.$userName == "jeugdteam").all()
            #expect(lookups.count == 1)
            #expect(lookups.first?.subjectID == scenario.householdID)
            #expect(lookups.first?.purpose == "found")
        }
    }

    @Test func bsnLookupsAreRateLimitedPerUser() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let outsider = try await scenario.professional("jeugdteam", of: scenario.partner)
            try await outsider.get("/households/new")
            var statuses: [HTTPStatus] = []
            for _ in 0..<(IntakeLookupLimit.perHour + 1) {
                statuses.append(try await outsider.post("/households", HouseholdScenario.intake([
                    "given_name": "Iemand", "consent_method": "signed_on_paper", "consent_purpose": "Hulp",
                ])).status)
            }
            #expect(statuses.dropLast().allSatisfy { $0 == .conflict })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    /// The household's resident, signed in to the portal.
    static func residentClient(_ scenario: HouseholdScenario) async throws -> TestClient {
        let (user, _) = try await scenario.fixtures.user("fatima", role: .resident, in: scenario.tenant, totp: false)
        let resident = try #require(try await Resident.query(on: scenario.app.db).first())
        resident.userID = user.id
        try await resident.save(on: scenario.app.db)
        let client = TestClient(scenario.app)
        try await scenario.fixtures.signIn(client, "fatima", secret: nil)
        return client
    }
}

@Suite("Words, not keys")
struct LocalizedEventsTests {
    @Test func everyLoggedEventHasPlainWordsForTheResident() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            _ = try await scenario.consent([.finances], for: scenario.partner)
            let form = try await scenario.coordinator.get(SiteRoute.referralNew.path(scenario.householdID, try goal.requireID()))
            #expect(form.status == .ok)
            let person = try await ActionRightsTests.residentClient(scenario)
            let looked = try await person.get("/portal/who-looked")
            #expect(looked.status == .ok)
            #expect(!looked.body.string.contains("portal.event."))
            // An event whose first part has no words yet reads as "something else", never as its key.
            #expect(PortalData.eventKey("referral.accepted", known: app.localizer.has) == "portal.event.referral")
            #expect(PortalData.eventKey("brand_new.thing", known: app.localizer.has) == "portal.event.other")
        }
    }
}
