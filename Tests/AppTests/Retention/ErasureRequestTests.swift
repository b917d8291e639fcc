import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// The privacy officer registers a resident's erasure request: refused
/// while the file is open or held, erased with a receipt once it may go.
@Suite("Erasure requests")
struct ErasureRequestTests {
    static func privacyOfficer(_ scenario: HouseholdScenario) async throws -> TestClient {
        let (_, secret) = try await scenario.fixtures.user("anouk", role: .privacyOfficer, in: scenario.tenant)
        let client = TestClient(scenario.app)
        try await scenario.fixtures.signIn(client, "anouk", secret: secret)
        return client
    }

    static func request(_ client: TestClient, bsn: String = HouseholdScenario.bsn) async throws -> TestingHTTPResponse {
        _ = try await client.get(SiteRoute.erasure.path())
        return try await client.post(SiteRoute.erasureRequests.path(), ["bsn": bsn, "received_on": Day.today(), "identity_checked": "on"])
    }

    @Test func anOpenFileIsRefusedAClosedOneErasedWithAReceipt() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let officer = try await Self.privacyOfficer(scenario)

            let open = try await Self.request(officer)
            #expect(open.status == .seeOther)
            let refusal = try await officer.get(try #require(open.headers.first(name: .location)))
            #expect(refusal.body.string.contains("Er werkt nog een organisatie met dit huishouden"))
            #expect(try await Household.find(scenario.householdID, on: app.db)?.anonymisedAt == nil)

            try await RetentionRunTests.close(scenario, on: CivilDay.today().adding(days: -1))
            _ = try await officer.get(SiteRoute.erasure.path())
            #expect(try await officer.post(SiteRoute.legalHolds.path(), ["bsn": HouseholdScenario.bsn, "reason": "Bezwaarzaak 2026-17"]).status == .seeOther)
            let held = try await officer.get(try #require(try await Self.request(officer).headers.first(name: .location)))
            #expect(held.body.string.contains("Op dit dossier rust een bewaarplicht"))

            let hold = try #require(try await LegalHold.query(on: app.db).first())
            _ = try await officer.get(SiteRoute.erasure.path())
            #expect(try await officer.post(SiteRoute.legalHoldLift.path(hold.id!), [:]).status == .seeOther)
            let erased = try await officer.get(try #require(try await Self.request(officer).headers.first(name: .location)))
            #expect(erased.body.string.contains("Het dossier is gewist.") && erased.body.string.contains("Gezinsleden"))
            #expect(!erased.body.string.contains(HouseholdScenario.bsn) && !erased.body.string.contains("El Amrani"))
            #expect(try await Household.find(scenario.householdID, on: app.db)?.anonymisedAt != nil)

            let requests = try await ErasureRequest.query(on: app.db).sort(\.$decidedAt).all()
            #expect(requests.map(\.outcome) == ["refused", "refused", "erased"])
            #expect(requests.map(\.refusal) == ["file-open", "legal-hold", nil])
            let events = try await AccessLogEntry.query(on: app.db).filter(\.$event ~~ ["erasure.erased", "erasure.refused", "legal_hold.placed", "legal_hold.lifted"]).count()
            #expect(events == 5)
            #expect(try await Self.request(officer).status == .unprocessableEntity, "the BSN leads nowhere any more")
        }
    }

    @Test func aBadRequestIsRefusedWithItsReasonsAndOnlyThePrivacyOfficerMayAsk() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let officer = try await Self.privacyOfficer(scenario)
            _ = try await officer.get(SiteRoute.erasure.path())
            let bad = try await officer.post(SiteRoute.erasureRequests.path(), ["bsn": "123456789", "received_on": "2999-01-01"])
            #expect(bad.status == .unprocessableEntity)
            for message in ["Dit is geen geldig BSN", "niet later dan vandaag", "Controleer eerst wie het verzoek doet"] {
                #expect(bad.body.string.contains(message), "\(message)")
            }
            #expect(!bad.body.string.contains("123456789"), "the BSN is not typed back")
            #expect(try await scenario.coordinator.get(SiteRoute.erasure.path()).status == .forbidden)
            #expect(try await ErasureRequest.query(on: app.db).count() == 0)
        }
    }

    @Test func aRetentionPeriodShorterThanTheLawIsRefused() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let (_, secret) = try await scenario.fixtures.user("beheer", role: .tenantAdmin, in: scenario.tenant)
            let admin = TestClient(app)
            try await scenario.fixtures.signIn(admin, "beheer", secret: secret)
            _ = try await admin.get(SiteRoute.retentionSettings.path())
            let form = ["months_household-file": "60", "erasable_household-file": "on", "months_youth-file": "120", "erasable_youth-file": "on", "months_notifications": "6"]
            let refused = try await admin.post(SiteRoute.retentionSettings.path(), form)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("De Jeugdwet (art. 7.3.8) vraagt ten minste 240 maanden"))
            #expect(refused.body.string.contains("value=\"120\""), "what was typed stays")
            #expect(try await RetentionSettingRow.query(on: app.db).count() == 0, "nothing half-saved")
            var fixed = form
            fixed["months_youth-file"] = "240"
            #expect(try await admin.post(SiteRoute.retentionSettings.path(), fixed).status == .seeOther)
            let settings = try await app.retentionRules.settings(tenantID: try scenario.tenant.requireID(), on: app.db)
            #expect(settings[.householdFile] == RetentionSetting(months: 60, erasableOnRequest: true))
            #expect(settings[.notifications] == RetentionSetting(months: 6, erasableOnRequest: false))
        }
    }
}
