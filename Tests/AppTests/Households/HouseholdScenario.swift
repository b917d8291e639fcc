import Domain
import Fluent
import Foundation
import Vapor
import VaporTesting
@testable import App

/// A tenant with the municipality's social services, a partner debt-help
/// organisation and people in each; a household registered through the
/// real intake form by the municipal professional, who coordinates.
struct HouseholdScenario {
    let app: Application
    let fixtures: Fixtures
    let tenant: Tenant
    let municipal: Organization
    let partner: Organization
    let coordinator: TestClient
    let householdID: UUID

    static let bsn = "111222333"

    static func make(_ app: Application) async throws -> HouseholdScenario {
        let fixtures = Fixtures(app: app)
        let tenant = try await fixtures.tenant()
        let municipal = try await fixtures.organization(in: tenant, name: "Werk en Inkomen", kind: .municipalSocialServices)
        let partner = try await fixtures.organization(in: tenant, name: "Schuldhulp", kind: .debtHelp)
        let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: municipal)
        let coordinator = TestClient(app)
        try await fixtures.signIn(coordinator, "sanne", secret: secret)
        try await coordinator.get("/households/new")
        let created = try await coordinator.post("/households", intake())
        guard created.status == .seeOther, let location = created.headers.first(name: .location),
              let id = UUID(uuidString: String(location.split(separator: "?").first?.split(separator: "/").last ?? "")) else {
            throw Abort(.internalServerError, reason: "intake failed: \(created.status) \(created.body.string.prefix(2000))")
        }
        return HouseholdScenario(app: app, fixtures: fixtures, tenant: tenant, municipal: municipal, partner: partner, coordinator: coordinator, householdID: id)
    }

    static func intake(_ changes: [String: String] = [:]) -> [String: String] {
        var form = [
            "given_name": "Fatima", "family_name": "El Amrani", "birth_date": "1984-03-21", "bsn": bsn,
            "street": "Dorpsstraat 1", "postcode": "1234ab", "city": "Voorbeeld", "domains[]": "finances",
        ]
        for (key, value) in changes { form[key] = value }
        return form
    }

    var path: String { SiteRoute.household.path(householdID) }

    /// A signed-in professional of `organization`.
    func professional(_ username: String, of organization: Organization) async throws -> TestClient {
        let (_, secret) = try await fixtures.user(username, role: .professional, in: tenant, organization: organization)
        let client = TestClient(app)
        try await fixtures.signIn(client, username, secret: secret)
        return client
    }

    func consent(_ domains: [LifeDomain], for organization: Organization, validTo: String? = nil) async throws -> Consent {
        let resident = try await Resident.query(on: app.db).filter(\.$householdID == householdID).first()!
        let consent = Consent(
            tenantID: try tenant.requireID(), householdID: householdID, residentID: try resident.requireID(),
            recipientOrganizationID: try organization.requireID(), domains: Set(domains), purpose: "schuldhulp",
            validFrom: "2020-01-01", validTo: validTo, method: .signedOnPaper, status: .given,
            recordedBy: try await User.query(on: app.db).filter(\.$username == "sanne").first()!.requireID()
        )
        try await consent.create(on: app.db)
        return consent
    }

    func involve(_ organization: Organization, _ domains: [LifeDomain]) async throws {
        try await Involvement(
            tenantID: try tenant.requireID(), householdID: householdID, organizationID: try organization.requireID(),
            domains: Set(domains), isCoordinator: false, startsOn: "2020-01-01"
        ).create(on: app.db)
    }

    func goal(_ domain: LifeDomain, _ title: String) async throws -> Goal {
        let goal = Goal(tenantID: try tenant.requireID(), householdID: householdID, domain: domain, title: title, target: nil)
        try await goal.create(on: app.db)
        return goal
    }

    func decisions(_ event: String, user: String) async throws -> [String] {
        try await AccessLogEntry.query(on: app.db).filter(\.$event == event).filter(\.$userName == user).sort(\.$sequence).all().map(\.outcome)
    }
}
