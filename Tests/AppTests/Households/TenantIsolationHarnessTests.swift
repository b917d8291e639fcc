import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Walks every registered route that takes an id, as a user of tenant B
/// with the role that route is for, asking for tenant A's ids: every answer
/// must be 404. A route with a parameter this harness does not know fails
/// the test, so new routes cannot slip past it.
@Suite("Tenant isolation harness")
struct TenantIsolationHarnessTests {
    /// Platform administration spans tenants by design: its routes are the
    /// only ones exempt.
    static let exempt: Set<String> = [
        "/platform/tenants/:tenantID/deactivate", "/platform/tenants/:tenantID/reactivate",
        // The social map's taxonomies are fixed by the platform, the same in every tenant.
        "/hsds/taxonomies/:taxonomyID", "/hsds/taxonomy_terms/:termID",
        // Indicators are defined by the platform, the same in every tenant; their figures are the reader's own tenant's.
        "/monitor/indicators/:indicatorID",
        "/monitor/indicators/:indicatorID/table.csv", "/monitor/indicators/:indicatorID/professionals.csv", "/api/v1/indicators/:indicatorID/values",
        "/monitor/indicators/:indicatorID/stories",
    ]

    @Test func everyRouteAnswers404ForAnotherTenantsIds() async throws {
        try await withApp { app in
            let a = try await HouseholdScenario.make(app)
            let tenantA = try a.tenant.requireID()
            let goal = try await a.goal(.finances, "Rekeningen")
            let resident = try #require(try await Resident.query(on: app.db).first())
            let consent = try await a.consent([.finances], for: a.partner)
            try await a.involve(a.partner, [.finances])
            let involvement = try #require(try await Involvement.query(on: app.db).first())
            let action = PlanAction(tenantID: tenantA, householdID: a.householdID, goalID: try goal.requireID(), description: "Stap", owner: .resident(name: nil), dueOn: nil)
            try await action.create(on: app.db)
            let opener = try #require(try await User.query(on: app.db).filter(\.$username == "sanne").first())
            let opening = BreakTheGlassOpening(tenantID: tenantA, householdID: a.householdID, userID: try opener.requireID(), reason: "test", openedAt: Date(), expiresAt: Date())
            try await opening.create(on: app.db)
            let referral = Referral(
                tenantID: tenantA, householdID: a.householdID, goalID: try goal.requireID(), domains: [.finances],
                requesterOrganizationID: try a.municipal.requireID(), requesterUserID: try opener.requireID(),
                receiverOrganizationID: try a.partner.requireID(), serviceID: nil, messageEncrypted: "x"
            )
            ReferralSending.markSent(referral, responseDays: 5, today: Day.today())
            try await referral.create(on: app.db)
            let client = ApiClient(tenantID: tenantA, name: "Systeem", clientKey: "ssc_a", secretHash: "x", userID: try opener.requireID(), scopes: [.read])
            try await client.create(on: app.db)
            let token = ApiToken(tenantID: tenantA, userID: try opener.requireID(), name: "A", tokenHash: "y", scopes: [.read], expiresAt: Date().addingTimeInterval(3600))
            try await token.create(on: app.db)
            let subscription = EventSubscription(tenantID: tenantA, name: "Ketenpartner A", url: "https://a.example/hook", events: [.referralCreated], secretEncrypted: "x")
            try await subscription.create(on: app.db)
            let parked = OutboxEvent(tenantID: tenantA, subscriptionID: try subscription.requireID(), eventID: UUID(), type: .referralCreated, body: "{}", at: Date())
            (parked.parkedAt, parked.nextAttemptAt) = (Date(), nil)
            try await parked.create(on: app.db)
            let failedMail = OutgoingMail(tenantID: tenantA, to: .user(try opener.requireID()), kind: .waiting, link: "/", at: Date())
            (failedMail.parkedAt, failedMail.nextAttemptAt, failedMail.attempts) = (Date(), nil, 5)
            try await failedMail.create(on: app.db)
            let erasureRequest = ErasureRequest(tenantID: tenantA, householdID: a.householdID, receivedOn: Day.today(), registeredBy: try opener.requireID(), at: Date())
            try await erasureRequest.create(on: app.db)
            let hold = LegalHold(tenantID: tenantA, householdID: a.householdID, reason: "bezwaar", placedBy: try opener.requireID(), at: Date())
            try await hold.create(on: app.db)

            let conversation = try await ConversationTests.start(in: a, subject: "Huur", text: "Bericht van A")
            let message = try #require(try await Message.query(on: app.db).first())
            _ = try await DocumentTests.upload(a.coordinator, a)
            let document = try #require(try await Document.query(on: app.db).first())
            _ = try await AppointmentAppTests.make(a)
            let appointment = try #require(try await Appointment.query(on: app.db).first())
            let signalCase = SignalCase()
            (signalCase.id, signalCase.tenantID, signalCase.status, signalCase.firstSignalledOn, signalCase.lastSignalledOn) = (UUID(), tenantA, "received", Day.today(), Day.today())
            (signalCase.totalArrearsCents, signalCase.partners, signalCase.longestMonths, signalCase.createdAt, signalCase.version) = (100, 1, 1, Date(), 1)
            signalCase.queueKey = SignalCase.queueKey(signalCase.weight, id: signalCase.id!)
            try await signalCase.create(on: app.db)
            let signal = Signal()
            (signal.id, signal.tenantID, signal.partnerOrganizationID, signal.reference, signal.caseID) = (UUID(), tenantA, try a.partner.requireID(), "A-1", try signalCase.requireID())
            (signal.kind, signal.amountCents, signal.months, signal.signalledOn, signal.personEncrypted) = ("rent", 100, 1, Day.today(), "x")
            (signal.addressKey, signal.namePostcodeKey, signal.createdAt) = ("a", "b", Date())
            try await signal.create(on: app.db)
            let signalUpload = SignalUpload()
            (signalUpload.id, signalUpload.tenantID, signalUpload.organizationID, signalUpload.userID) = (UUID(), tenantA, try a.partner.requireID(), try opener.requireID())
            (signalUpload.fileNameEncrypted, signalUpload.byteCount, signalUpload.sha256, signalUpload.status) = ("x", 1, "x", "checked")
            (signalUpload.rowsTotal, signalUpload.rowsValid, signalUpload.rowsRefused, signalUpload.rowsDone, signalUpload.signalsNew) = (1, 1, 0, 0, 0)
            (signalUpload.createdAt, signalUpload.version) = (Date(), 1)
            try await signalUpload.create(on: app.db)

            let assessment = try await a.store(["finances": 2], day: "2026-01-12")
            let map = SocialMapFixtures(app: app, tenantID: tenantA)
            let provider = try await map.provider("Welzijn A", linkedTo: a.partner)
            let service = try await map.service("Maatjes A", at: provider)
            let location = try await map.location(of: provider)
            let link = ServiceAtLocation(tenantID: tenantA, serviceID: try service.requireID(), locationID: try location.requireID())
            try await link.create(on: app.db)

            let offerTerms = try OfferCheck.check(OfferSubmission(kind: "volunteering", talents: ["music"], rung: "3", postcode: "1234", places: "1", placesFree: "1"),
                                                  talents: app.talents.codes).get()
            #expect(try await OfferController.store(offerTerms, for: service, seenVersion: 0, tenantID: tenantA, on: app.db))
            let offer = try #require(try await ParticipationOffer.query(on: app.db).filter(\.$tenantID == tenantA).first())
            let proposal = ParticipationProposal(offerID: try offer.requireID(), householdID: a.householdID, residentID: try resident.requireID(), tenantID: tenantA, at: Date())
            try await proposal.create(on: app.db)
            let placement = ParticipationPlacement()
            (placement.id, placement.tenantID, placement.proposalID, placement.offerID, placement.householdID) = (UUID(), tenantA, try proposal.requireID(), try offer.requireID(), a.householdID)
            (placement.residentID, placement.hostOrganizationID, placement.goalID, placement.actionID) = (try resident.requireID(), try a.partner.requireID(), try goal.requireID(), try action.requireID())
            (placement.offerRung, placement.startedOn, placement.checkInWeeks, placement.version, placement.createdAt, placement.updatedAt) = (3, Day.today(), 2, 1, Date(), Date())
            try await placement.create(on: app.db)

            let agreement = ImpactAgreement(tenantID: tenantA, organizationID: try a.partner.requireID(), title: "Afspraak A", createdByName: "A")
            try await agreement.create(on: app.db)
            let target = ImpactAgreementTarget(tenantID: tenantA, agreementID: try agreement.requireID(), indicator: "closed-loop-rate", period: "2027", target: 90)
            try await target.create(on: app.db)
            let note = MonitorNote(tenantID: tenantA, topic: .agreement, period: "2027", side: "municipality", text: "Reactie", authorID: try opener.requireID(), authorName: "A")
            note.agreementID = agreement.id
            try await note.create(on: app.db)

            let ids: [String: String] = [
                "householdID": a.householdID.uuidString, "residentID": try resident.requireID().uuidString,
                "goalID": try goal.requireID().uuidString, "actionID": try action.requireID().uuidString,
                "consentID": try consent.requireID().uuidString, "involvementID": try involvement.requireID().uuidString,
                "organizationID": try a.municipal.requireID().uuidString, "userID": try opener.requireID().uuidString,
                "openingID": try opening.requireID().uuidString, "token": String(repeating: "A", count: 43),
                "tenantID": tenantA.uuidString, "referralID": try referral.requireID().uuidString,
                "tokenID": try token.requireID().uuidString, "clientID": try client.requireID().uuidString,
                "assessmentID": try assessment.requireID().uuidString,
                "offerID": try offer.requireID().uuidString, "proposalID": try proposal.requireID().uuidString,
                "placementID": try placement.requireID().uuidString,
                "serviceID": try service.requireID().uuidString, "mapOrganizationID": try provider.requireID().uuidString,
                "locationID": try location.requireID().uuidString, "serviceAtLocationID": try link.requireID().uuidString,
                // Tenant A's map is not public: its page does not exist for anyone outside.
                "tenantSlug": a.tenant.slug,
                // The same for every map, but below tenant A's private map they do not exist either.
                "taxonomyID": MapTaxonomy.lifeDomains.id.uuidString, "termID": MapTaxonomy.term(for: LifeDomain.finances).id.uuidString,
                "agreementID": try agreement.requireID().uuidString, "targetID": try target.requireID().uuidString,
                "noteID": try note.requireID().uuidString,
                "subscriptionID": try subscription.requireID().uuidString, "outboxEventID": try parked.requireID().uuidString,
                "outgoingMailID": try failedMail.requireID().uuidString,
                "erasureRequestID": try erasureRequest.requireID().uuidString, "legalHoldID": try hold.requireID().uuidString,
                "conversationID": conversation.uuidString, "messageID": try message.requireID().uuidString,
                "documentID": try document.requireID().uuidString, "appointmentID": try appointment.requireID().uuidString,
                "signalID": try signal.requireID().uuidString, "signalCaseID": try signalCase.requireID().uuidString,
                "signalUploadID": try signalUpload.requireID().uuidString,
            ]

            // Tenant B, with someone in every role that reaches these routes.
            let fixtures = a.fixtures
            let b = try await fixtures.tenant("beta")
            let bMunicipal = try await fixtures.organization(in: b, name: "Werk Beta", kind: .municipalSocialServices)
            let bVolunteers = try await fixtures.organization(in: b, name: "Vrijwilligers Beta", kind: .volunteer)
            let bHousehold = Household(tenantID: try b.requireID(), name: "Beta", street: "Straat 1", postcode: "9999 ZZ", city: "Beta", neighbourhoodCode: nil)
            try await bHousehold.create(on: app.db)
            var clients: [Role: TestClient] = [:]
            for (role, organization) in [(Role.professional, bMunicipal), (.tenantAdmin, nil), (.privacyOfficer, nil), (.volunteer, bVolunteers), (.resident, nil)] {
                let (user, secret) = try await fixtures.user("b-\(role.rawValue)", role: role, in: b, organization: organization, totp: role != .resident)
                if role == .resident {
                    let member = Resident(tenantID: try b.requireID(), householdID: try bHousehold.requireID(), givenName: "B", familyName: "Resident", birthDate: "1990-01-01", relation: .head)
                    member.userID = user.id
                    try await member.create(on: app.db)
                }
                let client = TestClient(app)
                try await fixtures.signIn(client, "b-\(role.rawValue)", secret: secret)
                try await client.get("/")
                clients[role] = client
            }

            var walked = 0
            for route in app.routes.all {
                let parameters = route.path.compactMap { component -> String? in
                    if case .parameter(let name) = component { return name }
                    return nil
                }
                guard !parameters.isEmpty else { continue }
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                if Self.exempt.contains(pattern) { continue }
                for name in parameters { #expect(ids[name] != nil, "the harness does not know the parameter :\(name) of \(pattern)") }
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return ids[name] ?? "unknown" }
                    return component.description
                }.joined(separator: "/")
                let client = Self.client(for: pattern, clients: clients, anonymous: TestClient(app))
                let response = route.method == .GET ? try await client.get(path) : try await client.post(path, ["version": "1"])
                #expect(response.status == .notFound, "\(route.method) \(pattern) answered \(response.status.code)")
                walked += 1
            }
            #expect(walked >= 30, "walked only \(walked) routes")
            // Nothing of tenant A changed on the way.
            #expect(try await Consent.find(consent.id, on: app.db)?.status == "given")
            #expect(try await PlanAction.find(action.id, on: app.db)?.status == "open")
            #expect(try await BreakTheGlassOpening.find(opening.id, on: app.db)?.reviewedAt == nil)
            #expect(try await Referral.find(referral.id, on: app.db)?.referralStatus == .requested)
            #expect(try await ApiToken.find(token.id, on: app.db)?.revokedAt == nil)
            #expect(try await ApiClient.find(client.id, on: app.db)?.revokedAt == nil)
            #expect(try await Assessment.query(on: app.db).count() == 1)
            #expect(try await AssessmentScore.query(on: app.db).count() == 1)
            #expect(try await Service.find(service.id, on: app.db)?.version == 1)
            #expect(try await MapLocation.find(location.id, on: app.db) != nil)
            #expect(try await ImpactAgreementTarget.query(on: app.db).count() == 1)
            #expect(try await MonitorNote.query(on: app.db).count() == 1)
            #expect(try await EventSubscription.find(subscription.id, on: app.db)?.active == true)
            #expect(try await OutboxEvent.find(parked.id, on: app.db)?.parkedAt != nil)
            #expect(try await OutgoingMail.find(failedMail.id, on: app.db)?.parkedAt != nil)
            #expect(try await LegalHold.find(hold.id, on: app.db)?.liftedAt == nil)
        }
    }

    /// The tenant-B user whose role the route is for, so tenancy is the only reason to refuse.
    static func client(for pattern: String, clients: [Role: TestClient], anonymous: TestClient) -> TestClient {
        if pattern.hasPrefix("/admin") || pattern.hasPrefix("/agreements") || pattern.hasPrefix("/monitor") { return clients[.tenantAdmin]! }
        if pattern.hasPrefix("/privacy") { return clients[.privacyOfficer]! }
        if pattern.hasPrefix("/my-actions") { return clients[.volunteer]! }
        if pattern.hasPrefix("/portal") { return clients[.resident]! }
        if pattern.hasPrefix("/account-links") || pattern.hasPrefix("/t/") { return anonymous }
        if pattern.hasPrefix("/account/api-tokens") { return clients[.professional]! }
        return clients[.professional]!
    }
}
