import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Issue 26: a signed plan and a withdrawn consent are events too; each
/// names its object's API address, which answers under the caller's own
/// access — the partner that lost its consent reads no more than before.
@Suite("Events of plans and consents")
struct PlanAndConsentEventsTests {
    @Test func aSignedPlanAndAWithdrawnConsentAreEventsWhoseObjectsTheAPIShows() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID()
            let subscription = EventSubscription(tenantID: tenantID, name: "Archief", url: "https://archief.example.nl/hook",
                                                 events: [.planSigned, .consentWithdrawn], secretEncrypted: try FieldCipher(key: app.config.keys.field).seal("geheim"))
            try await subscription.create(on: app.db)
            _ = try await scenario.goal(.finances, "Rust in de financiën")
            let resident = try #require(try await Resident.query(on: app.db).filter(\.$householdID == scenario.householdID).first())
            #expect(try await scenario.coordinator.post(SiteRoute.planPaperSignature.path(scenario.householdID), ["resident_id": resident.id!.uuidString]).status == .seeOther)
            let consent = try await scenario.consent([.finances], for: scenario.partner)
            #expect(try await scenario.coordinator.post(SiteRoute.consentWithdraw.path(scenario.householdID, consent.id!)).status == .seeOther)

            let events = try await OutboxEvent.scoped(to: tenantID, on: app.db).sort(\.$createdAt).all()
            #expect(events.map(\.type) == [EventType.planSigned.rawValue, EventType.consentWithdrawn.rawValue])
            let bodies = try events.map { try JSONDecoder().decode(CloudEvent.self, from: Data($0.body.utf8)) }
            #expect(bodies[0].dataref.hasSuffix(SiteRoute.apiHouseholdPlan.path(scenario.householdID)))
            #expect(bodies[1].dataref.hasSuffix(SiteRoute.apiConsent.path(consent.id!)))
            for body in events.map(\.body) { #expect(!body.contains("El Amrani") && !body.contains("financ"), "no personal data, no domain") }

            let plan = try await scenario.coordinator.get(SiteRoute.apiHouseholdPlan.path(scenario.householdID))
            #expect(plan.status == .ok)
            let planDTO = try JSONDecoder().decode(ConsentAPIController.PlanDTO.self, from: plan.body)
            #expect(planDTO.signed?.number == 1 && planDTO.goals.map(\.title) == ["Rust in de financiën"])
            let read = try await scenario.coordinator.get(SiteRoute.apiConsent.path(consent.id!))
            #expect(try JSONDecoder().decode(ConsentAPIController.ConsentDTO.self, from: read.body).status == "withdrawn")

            // The partner whose consent was withdrawn is not on the team: nothing to read.
            let partner = try await scenario.professional("piet", of: scenario.partner)
            #expect(try await partner.get(SiteRoute.apiConsent.path(consent.id!)).status == .forbidden)
            #expect(try await partner.get(SiteRoute.apiHouseholdPlan.path(scenario.householdID)).status == .forbidden)
            #expect(try await scenario.coordinator.get(SiteRoute.apiConsent.path(UUID())).status == .notFound)
        }
    }
}
