import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// The privacy officer narrows the access log to one resident (the data
/// subject) and to one event chosen from a list in words; what cannot be
/// read in the query is said so, and another tenant's resident does not exist.
@Suite("Access log filters")
struct AccessLogFilterTests {
    struct Setup {
        let scenario: HouseholdScenario
        let officer: TestClient
        let fatima: UUID
        let youssef: UUID
    }

    /// Fatima's BSN is shown and her consent recorded through the pages; her
    /// son Youssef's contact details are saved (logged straight away here).
    static func setUp(_ app: Application) async throws -> Setup {
        let scenario = try await HouseholdScenario.make(app)
        let client = scenario.coordinator
        try await client.get(scenario.path)
        let fatima = try await scenario.resident().requireID()
        let tenantID = try scenario.tenant.requireID()
        let son = Resident(tenantID: tenantID, householdID: scenario.householdID, givenName: "Youssef", familyName: "El Amrani", birthDate: "2010-05-01", relation: .child)
        try await son.create(on: app.db)
        let youssef = try son.requireID()
        #expect(try await client.post(SiteRoute.residentBSN.path(scenario.householdID, fatima), [:]).status == .ok)
        #expect(try await client.post(SiteRoute.consents.path(scenario.householdID), [
            "resident_id": fatima.uuidString, "organization_id": try scenario.partner.requireID().uuidString,
            "domains[]": "finances", "purpose": "Schulden regelen", "valid_from": "2020-01-01", "method": "verbal",
        ]).status == .seeOther)
        try await AccessLogger.append(AuditRecord(
            occurredAt: Date(), event: "resident.contact_saved", outcome: .success, tenantID: tenantID, userName: "sanne",
            subjectID: scenario.householdID, basis: .involvement, objectType: "resident", objectID: youssef.uuidString
        ), key: app.config.keys.audit, on: app.db)
        let (_, secret) = try await scenario.fixtures.user("anouk", role: .privacyOfficer, in: scenario.tenant)
        let officer = TestClient(app)
        try await scenario.fixtures.signIn(officer, "anouk", secret: secret)
        return Setup(scenario: scenario, officer: officer, fatima: fatima, youssef: youssef)
    }

    /// The event codes of the log's rows, in order.
    static func codes(_ page: String) -> [String] {
        page.matches(of: /<code class="hint">([^<]+)<\/code>/).map { String($0.1) }
    }

    @Test func byResidentOnlyThatPersonsEntries() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let household = setup.scenario.householdID
            let page = try await setup.officer.get(AccessLogController.path(household: household, resident: setup.fatima))
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(Set(Self.codes(body)) == ["resident.bsn_shown", "consent.given"], "\(Self.codes(body))")
            #expect(body.contains("Alleen wat over inwoner Fatima El Amrani zelf is vastgelegd;"))
            // Each row names her, linking to her entries; the list offers the household's members.
            let link = AccessLogController.path(household: household, resident: setup.fatima).replacingOccurrences(of: "&", with: "&amp;")
            #expect(body.contains("<a href=\"\(link)\">Fatima El Amrani</a>"))
            #expect(body.contains("<option value=\"\(setup.youssef.uuidString)\">Youssef El Amrani</option>"))

            let son = try await setup.officer.get(AccessLogController.path(household: household, resident: setup.youssef)).body.string
            #expect(Self.codes(son) == ["resident.contact_saved"])
            // The household's own entries name its residents where they can.
            let all = try await setup.officer.get(AccessLogController.path(household: household)).body.string
            #expect(Self.codes(all).contains("household.view"))
            #expect(all.contains(">Youssef El Amrani</a>") && all.contains(">Fatima El Amrani</a>"))
        }
    }

    @Test func byEventChosenFromTheListInWords() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let page = try await setup.officer.get(SiteRoute.accessLog.path() + "?event=consent.given").body.string
            #expect(Self.codes(page) == ["consent.given"])
            #expect(page.contains("<select id=\"event\" name=\"event\""))
            #expect(page.contains("<option value=\"consent.given\" selected>Toestemming – gegeven</option>"), "\(page.firstMatch(of: /<option value="consent.given"[^\n]{0,80}/).map { String($0.0) } ?? "none")")
            #expect(page.contains("<option value=\"household.view\">Huishouden – bekeken</option>"))
            let views = try await setup.officer.get(SiteRoute.accessLog.path() + "?event=household.view").body.string
            #expect(!Self.codes(views).isEmpty && Set(Self.codes(views)) == ["household.view"])
            // In English too.
            try await setup.officer.post(SiteRoute.accountLanguage.path(), ["locale": "en"])
            let english = try await setup.officer.get(SiteRoute.accessLog.path() + "?event=consent.given").body.string
            #expect(english.contains("<option value=\"\">Any event</option>"))
            #expect(english.contains("<label for=\"resident\">Resident</label>"))
        }
    }

    @Test func badValuesInTheQueryAreSaidSoNeverAServerError() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let unknown = try await setup.officer.get(SiteRoute.accessLog.path() + "?event=everything.deleted")
            #expect(unknown.status == .ok)
            #expect(unknown.body.string.contains("Deze gebeurtenis kennen we niet. Kies er een uit de lijst."))
            #expect(Self.codes(unknown.body.string).isEmpty)
            let malformed = try await setup.officer.get(SiteRoute.accessLog.path() + "?resident=not-an-id&event=%00")
            #expect(malformed.status == .ok)
            #expect(malformed.body.string.contains("Dit is geen geldige verwijzing naar een inwoner."))
            #expect(Self.codes(malformed.body.string).isEmpty)
            let page = try await setup.officer.get(SiteRoute.accessLog.path() + "?page=abc&household=nonsense")
            #expect(page.status.code < 500, "\(page.status)")
            // A resident of another household than the one filtered on.
            let other = try await setup.officer.get(AccessLogController.path(household: UUID(), resident: setup.fatima)).body.string
            #expect(other.contains("Deze inwoner is hier niet bekend."))
            #expect(Self.codes(other).isEmpty)
        }
    }

    @Test func anotherTenantsPrivacyOfficerSeesNothing() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let beta = try await setup.scenario.fixtures.tenant("beta")
            let (_, secret) = try await setup.scenario.fixtures.user("bram", role: .privacyOfficer, in: beta)
            let stranger = TestClient(app)
            try await setup.scenario.fixtures.signIn(stranger, "bram", secret: secret)
            let page = try await stranger.get(AccessLogController.path(household: setup.scenario.householdID, resident: setup.fatima))
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("Deze inwoner is hier niet bekend."))
            #expect(Self.codes(body).isEmpty)
            #expect(!body.contains("Fatima") && !body.contains("Youssef") && !body.contains("El Amrani"))
            let byEvent = try await stranger.get(SiteRoute.accessLog.path() + "?event=consent.given").body.string
            #expect(Self.codes(byEvent).isEmpty)
        }
    }
}
