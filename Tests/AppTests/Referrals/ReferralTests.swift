import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Closed-loop referrals")
struct ReferralTests {
    @Test func aPartnerReceivesAReferralOnlyWithConsent() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            let form = try await scenario.base.coordinator.get(scenario.newPath + "?service_id=\(scenario.service.id!.uuidString)")
            // Capacity and expected wait are shown before sending.
            #expect(form.body.string.contains("Wachtlijst – verwachte wachttijd 3 weken"))
            let refused = try await scenario.send()
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Zonder toestemming van de inwoner"))
            #expect(refused.body.string.contains("Financiën"))
            #expect(refused.body.string.contains("Graag contact opnemen"))
            #expect(try await Referral.query(on: app.db).count() == 0)

            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            let referral = try await scenario.referral()
            #expect(referral.referralStatus == .requested)
            #expect(referral.sentOn == Day.today())
            #expect(referral.dueOn == WorkingDays.add(5, to: Day.today()))
            #expect(referral.messageEncrypted.contains("Arabisch") == false)
        }
    }

    @Test func theLoopClosesAndTheSenderHearsOfIt() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            let referral = try await scenario.referral()

            let queue = try await scenario.receiver.get("/referrals")
            #expect(queue.body.string.contains("Schuldhulpmaatje"))
            let page = try await scenario.receiver.get(SiteRoute.referral.path(referral.id!))
            #expect(page.status == .ok)
            #expect(page.body.string.contains("mevrouw spreekt Arabisch"))
            #expect(page.body.string.contains("Overzicht in de schulden"))
            // Before accepting, the receiver is not on the team: no plan details.
            #expect(try await scenario.receiver.get(SiteRoute.goal.path(scenario.base.householdID, scenario.goal.id!)).status == .forbidden)

            #expect(try await scenario.step(scenario.receiver, "accepted").status == .seeOther)
            let involvement = try #require(try await Involvement.query(on: app.db).filter(\.$organizationID == scenario.base.partner.id!).first())
            #expect(involvement.lifeDomains == [.finances])
            #expect(try await scenario.receiver.get(SiteRoute.goal.path(scenario.base.householdID, scenario.goal.id!)).status == .ok)

            let noOutcome = try await scenario.step(scenario.receiver, "completed")
            #expect(noOutcome.status == .unprocessableEntity)
            #expect(noOutcome.body.string.contains("Kies een uitkomst."))
            #expect(try await scenario.step(scenario.receiver, "in-progress").status == .seeOther)
            #expect(try await scenario.step(scenario.receiver, "completed", outcome: "got_help").status == .seeOther)
            let closed = try await scenario.referral()
            #expect(closed.referralStatus == .completed)
            #expect(closed.referralOutcome == .gotHelp)

            // The sender: three unread notifications, the loop closed, the timeline.
            let home = try await scenario.base.coordinator.get("/")
            #expect(home.body.string.contains("<span class=\"count\">3<span class=\"visually-hidden\"> ongelezen</span></span>"))
            let notifications = try await scenario.base.coordinator.get("/notifications")
            #expect(notifications.body.string.contains("Uw verwijzing naar Schuldhulpmaatje is afgerond"))
            #expect(try await Notifications.unreadCount(userID: closed.requesterUserID, tenantID: closed.tenantID, on: app.db) == 0)
            let senderQueue = try await scenario.base.coordinator.get("/referrals")
            #expect(senderQueue.body.string.contains("Afgerond"))
            let household = try await scenario.base.coordinator.get(scenario.base.path)
            #expect(household.body.string.contains("Verwijzing afgerond"))
            let history = try await ReferralEvent.query(on: app.db).filter(\.$referralID == closed.id!).sort(\.$occurredAt).all().map(\.toStatus)
            #expect(history == ["requested", "accepted", "in-progress", "completed"])
        }
    }

    @Test func theReceiverNeverSeesMoreDomainsThanTheConsentCovers() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            try await scenario.base.involve(scenario.base.municipal, [.housing])
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            let housingGoal = try await scenario.base.goal(.housing, "Huurachterstand oplossen")
            // Sharing housing too is refused: the consent covers finances only.
            let refused = try await scenario.send(domains: "housing")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Huisvesting"))
            #expect(try await scenario.send().status == .seeOther)
            #expect(try await scenario.step(scenario.receiver, "accepted").status == .seeOther)
            let household = try await scenario.receiver.get(scenario.base.path)
            #expect(household.status == .ok)
            #expect(household.body.string.contains("Overzicht in de schulden"))
            #expect(!household.body.string.contains("Huurachterstand oplossen"))
            #expect(try await scenario.receiver.get(SiteRoute.goal.path(scenario.base.householdID, housingGoal.id!)).status == .forbidden)
        }
    }

    @Test func withdrawnConsentStopsTheReceiver() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            let consent = try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            consent.status = ConsentStatus.withdrawn.rawValue
            try await consent.save(on: app.db)
            let referral = try await scenario.referral()
            #expect(try await scenario.receiver.get(SiteRoute.referral.path(referral.id!)).status == .forbidden)
            #expect(try await scenario.receiver.post(SiteRoute.referralStatus.path(referral.id!), ["status": "accepted", "version": "1"]).status == .forbidden)
            #expect(try await scenario.referral().referralStatus == .requested)
            #expect(try await Involvement.query(on: app.db).filter(\.$organizationID == scenario.base.partner.id!).count() == 0)
        }
    }

    @Test func refusedStepsChangeNothing() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            // The receiver cannot complete what it has not accepted; the sender cannot accept.
            let early = try await scenario.step(scenario.receiver, "completed", outcome: "got_help")
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("Deze stap kan niet vanuit de huidige status."))
            let wrongSide = try await scenario.step(scenario.base.coordinator, "accepted")
            #expect(wrongSide.status == .unprocessableEntity)
            #expect(wrongSide.body.string.contains("Deze stap is aan de andere partij."))
            let unknown = try await scenario.step(scenario.receiver, "teleported")
            #expect(unknown.status == .unprocessableEntity)
            // Two people act on the same version: the second one is told, not overwritten.
            #expect(try await scenario.step(scenario.receiver, "accepted", version: 1).status == .seeOther)
            let stale = try await scenario.step(scenario.base.coordinator, "cancelled", version: 1)
            #expect(stale.status == .conflict)
            let referral = try await scenario.referral()
            #expect(referral.referralStatus == .accepted)
            #expect(try await ReferralEvent.query(on: app.db).count() == 2)
        }
    }

    @Test func aServiceThatStoppedAcceptingIsRefused() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            scenario.service.acceptsReferrals = false
            try await scenario.service.save(on: app.db)
            let refused = try await scenario.send()
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("neemt op dit moment geen verwijzingen aan"))
            let empty = try await scenario.send(message: "")
            #expect(empty.body.string.contains("Vul dit veld in"))
            #expect(try await Referral.query(on: app.db).count() == 0)
        }
    }

    @Test func aRejectedReferralIsRedirectedInOneStep() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            let welfare = try await scenario.base.fixtures.organization(in: scenario.base.tenant, name: "Welzijn Oost", kind: .welfare)
            let other = try await ReferralScenario.offer("Formulierenbrigade", by: welfare, in: scenario.base, domains: [.finances])
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            _ = try await scenario.base.consent([.finances], for: welfare)
            #expect(try await scenario.send(action: "draft").status == .seeOther)
            #expect(try await scenario.referral().referralStatus == .draft)
            #expect(try await scenario.step(scenario.base.coordinator, "requested").status == .seeOther)
            #expect(try await scenario.step(scenario.receiver, "rejected", outcome: "no_capacity").status == .seeOther)
            let rejected = try await scenario.referral()
            let page = try await scenario.base.coordinator.get(SiteRoute.referral.path(rejected.id!))
            #expect(page.body.string.contains("Formulierenbrigade"))
            let redirected = try await scenario.base.coordinator.post(SiteRoute.referralRedirect.path(rejected.id!), ["service_id": other.id!.uuidString])
            #expect(redirected.status == .seeOther)
            let next = try await scenario.referral()
            #expect(next.redirectedFromID == rejected.id)
            #expect(next.receiverOrganizationID == welfare.id)
            #expect(next.referralStatus == .requested)
            #expect(FieldCipher(key: app.config.keys.field).openOrNil(next.messageEncrypted)?.contains("Arabisch") == true)
        }
    }
}

@Suite("Referral as FHIR R4 bundle")
struct ReferralFHIRTests {
    @Test func theBundleCarriesTheReferralUnderTheAccessRule() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            #expect(try await scenario.step(scenario.receiver, "accepted").status == .seeOther)
            let referral = try await scenario.referral()
            let path = SiteRoute.apiReferralFHIR.path(referral.id!)

            let response = try await scenario.receiver.get(path)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "fhir+json")
            let bundle = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect(bundle["resourceType"] as? String == "Bundle")
            let resources = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
            #expect(resources.compactMap { $0["resourceType"] as? String } == ["ServiceRequest", "Task", "Patient", "Goal", "Consent"])
            let task = try #require(resources.first { $0["resourceType"] as? String == "Task" })
            #expect(task["status"] as? String == "accepted")
            let patient = try #require(resources.first { $0["resourceType"] as? String == "Patient" })
            #expect((patient["name"] as? [[String: Any]])?.first?["family"] as? String == "El Amrani")
            #expect(patient["identifier"] == nil)
            #expect(!response.body.string.contains("null"))

            // Someone outside the referral and the team: refused; nobody signed in: 401.
            let welfare = try await scenario.base.fixtures.organization(in: scenario.base.tenant, name: "Welzijn", kind: .welfare)
            let stranger = try await scenario.base.professional("kees", of: welfare)
            #expect(try await stranger.get(path).status == .forbidden)
            let anonymous = try await TestClient(app).get(path)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.contentType?.description.contains("problem+json") == true)
        }
    }

    @Test func statusesMapOntoFHIR() {
        #expect(ReferralBundle.serviceRequestStatus(.onHold) == "on-hold")
        #expect(ReferralBundle.serviceRequestStatus(.rejected) == "revoked")
        #expect(ReferralBundle.goalStatus("dropped").lifecycle == "cancelled")
        #expect(ReferralBundle.consentStatus(.withdrawn) == "inactive")
        // Every referral status is a FHIR Task status as it is.
        let taskStatuses: Set<String> = ["draft", "requested", "received", "accepted", "rejected", "ready", "cancelled",
                                         "in-progress", "on-hold", "failed", "completed", "entered-in-error"]
        #expect(Set(ReferralStatus.allCases.map(\.rawValue)).isSubset(of: taskStatuses))
    }
}

@Suite("Referrals and the team")
struct ReferralTeamTests {
    @Test func acceptingWhenAlreadyOnTheTeamAddsNoSecondPlace() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances, .housing], for: scenario.base.partner)
            try await scenario.base.involve(scenario.base.partner, [.housing])
            #expect(try await scenario.send().status == .seeOther)
            #expect(try await scenario.step(scenario.receiver, "accepted").status == .seeOther)
            let places = try await Involvement.query(on: app.db).filter(\.$organizationID == scenario.base.partner.requireID()).all()
            #expect(places.count == 1)
            #expect(places.first?.lifeDomains == [.finances, .housing])
        }
    }

    @Test func noStepIsPreselectedAndOneThatEndsTheReferralIsConfirmedFirst() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            let referral = try await scenario.referral()
            let page = try await scenario.base.coordinator.get(SiteRoute.referral.path(referral.id!))
            #expect(page.body.string.contains(#"<option value="">Kies een stap</option>"#))
            #expect(!page.body.string.contains("selected>Intrekken"))
            // Saving without a step changes nothing.
            let nothing = try await scenario.base.coordinator.post(SiteRoute.referralStatus.path(referral.id!), ["status": "", "version": String(referral.version)])
            #expect(nothing.status == .unprocessableEntity)
            // Withdrawing asks for a confirmation, keeps the choice, and changes nothing yet.
            let asked = try await scenario.base.coordinator.post(SiteRoute.referralStatus.path(referral.id!), ["status": "cancelled", "version": String(referral.version)])
            #expect(asked.status == .unprocessableEntity)
            #expect(asked.body.string.contains("niet terug te draaien") && asked.body.string.contains(#"name="confirm""#))
            #expect(asked.body.string.contains(#"value="cancelled" selected"#))
            #expect(try await scenario.referral().referralStatus == .requested)
            let confirmed = try await scenario.base.coordinator.post(SiteRoute.referralStatus.path(referral.id!), ["status": "cancelled", "version": String(referral.version), "confirm": "on"])
            #expect(confirmed.status == .seeOther)
            #expect(try await scenario.referral().referralStatus == .cancelled)
        }
    }
}
