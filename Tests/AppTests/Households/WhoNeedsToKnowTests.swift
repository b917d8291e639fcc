import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Who needs to know, knows")
struct WhoNeedsToKnowTests {
    /// The coordinator's organisation's contact for the household: Sanne.
    static func makeSanneTheContact(_ scenario: HouseholdScenario) async throws {
        let sanne = try #require(try await User.query(on: scenario.app.db).filter(\.$username == "sanne").first())
        let lead = try #require(try await Involvement.query(on: scenario.app.db).filter(\.$isCoordinator == true).first())
        lead.contactUserID = sanne.id
        try await lead.save(on: scenario.app.db)
    }

    static func notifications(_ client: TestClient) async throws -> String {
        try await client.get(SiteRoute.notifications.path()).body.string
    }

    @Test func anIncomingReferralWaitsOnTheReceiversWorklistAndMenu() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            let worklist = try await scenario.receiver.get(SiteRoute.worklist.path()).body.string
            #expect(worklist.contains("Verwijzing van Werk en Inkomen"))
            #expect(worklist.contains(#"<span class="count">1<span class="visually-hidden"> te beantwoorden</span></span>"#))
            #expect(try await scenario.step(scenario.receiver, "accepted").status == .seeOther)
            let after = try await scenario.receiver.get(SiteRoute.worklist.path()).body.string
            #expect(!after.contains("Verwijzing van Werk en Inkomen") && !after.contains("te beantwoorden"))
        }
    }

    /// The receiver closes the loop in words; the sender reads them, stored encrypted.
    @Test func aReceiverClosesAReferralWithANote() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            #expect(try await scenario.step(scenario.receiver, "accepted").status == .seeOther)
            let tooLong = try await scenario.step(scenario.receiver, "completed", outcome: "got_help", note: String(repeating: "x", count: 1001))
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.string.contains("De toelichting is te lang"))
            let note = "Intake gehad; betalingsregeling met de woningcorporatie loopt."
            #expect(try await scenario.step(scenario.receiver, "completed", outcome: "got_help", note: note).status == .seeOther)
            let referral = try await scenario.referral()
            #expect(try await scenario.base.coordinator.get(SiteRoute.referral.path(try referral.requireID())).body.string.contains(note))
            let stored = try await ReferralEvent.query(on: app.db).all().compactMap(\.noteEncrypted)
            #expect(stored.count == 1 && !stored[0].contains("Intake"), "the note is stored encrypted")
        }
    }

    @Test func theCoordinatorHearsWhatTheResidentDoes() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await Self.makeSanneTheContact(scenario)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            try await scenario.involve(scenario.partner, [.finances])
            let piet = try await scenario.professional("piet", of: scenario.partner)
            let partnerLink = try #require(try await Involvement.query(on: app.db).filter(\.$organizationID == scenario.partner.id!).first())
            partnerLink.contactUserID = try await User.query(on: app.db).filter(\.$username == "piet").first()?.id
            try await partnerLink.save(on: app.db)
            let consent = try await scenario.consent([.finances], for: scenario.partner)
            let resident = try await ActionRightsTests.residentClient(scenario)

            try await resident.post(SiteRoute.portalSign.path(), [:])
            try await resident.post(SiteRoute.portalComment.path(), ["goal_id": goal.id!.uuidString, "text": "Ik heb de bank gebeld."])
            try await resident.post(SiteRoute.portalConsentWithdraw.path(try consent.requireID()), [:])
            let sanne = try await Self.notifications(scenario.coordinator)
            #expect(sanne.contains("El Amrani: de inwoner heeft het plan getekend"))
            #expect(sanne.contains("El Amrani: de inwoner heeft een opmerking geschreven"))
            #expect(sanne.contains("El Amrani: de inwoner heeft een toestemming ingetrokken"))
            #expect(!sanne.contains("Ik heb de bank gebeld"), "a notification never carries what was written")
            #expect(try await Self.notifications(piet).contains("El Amrani: de toestemming voor uw organisatie is ingetrokken"))
        }
    }

    @Test func anEmergencyOpeningIsToldToTheCoordinatorAndCountedForThePrivacyOfficer() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await Self.makeSanneTheContact(scenario)
            let outsider = try await scenario.professional("crisisdienst", of: scenario.partner)
            let reason = "Inwoner belde in crisis, acuut suïciderisico"
            #expect(try await outsider.post(SiteRoute.breakTheGlass.path(scenario.householdID), ["reason": reason]).status == .seeOther)
            #expect(try await Self.notifications(scenario.coordinator).contains("El Amrani: iemand heeft het dossier met noodtoegang geopend"))
            let (_, secret) = try await scenario.fixtures.user("anouk", role: .privacyOfficer, in: scenario.tenant)
            let officer = TestClient(app)
            try await scenario.fixtures.signIn(officer, "anouk", secret: secret)
            let home = try await officer.get(SiteRoute.breakTheGlassReviews.path())
            #expect(home.body.string.contains(#"<span class="count">1<span class="visually-hidden"> te beoordelen</span></span>"#), "\(home.status) \(home.body.string.prefix(3000))")

            // The review leads to what was viewed during the opening: the opener's entries on this household, in words.
            try await outsider.get(scenario.path)
            let review = home.body.string
            let link = try #require(review.firstMatch(of: /href="(\/privacy\/access-log\?household=[^"]+)"/)?.1).replacingOccurrences(of: "&amp;", with: "&")
            let log = try await officer.get(String(link)).body.string
            #expect(log.contains("Alleen wat over huishouden Huishouden El Amrani is vastgelegd."))
            #expect(log.contains("Huishouden – bekeken <code class=\"hint\">household.view</code>"))
            #expect(log.contains("Crisisdienst (crisisdienst)"))
            #expect(!log.contains("(sanne)"), "only the opener's entries")
        }
    }
}
