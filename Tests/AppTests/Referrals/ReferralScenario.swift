import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// A household coordinated by the municipality, a finance goal, and the
/// partner's debt-help service on the social map, receiving referrals.
struct ReferralScenario {
    let base: HouseholdScenario
    let goal: Goal
    let service: Service
    let receiver: TestClient

    static func make(_ app: Application) async throws -> ReferralScenario {
        let base = try await HouseholdScenario.make(app)
        let goal = try await base.goal(.finances, "Overzicht in de schulden")
        let service = try await offer("Schuldhulpmaatje", by: base.partner, in: base, domains: [.finances])
        let receiver = try await base.professional("piet", of: base.partner)
        return ReferralScenario(base: base, goal: goal, service: service, receiver: receiver)
    }

    /// A service of `organization` on the social map, in `domains`.
    static func offer(_ name: String, by organization: Organization, in base: HouseholdScenario, domains: [LifeDomain], accepting: Bool = true) async throws -> Service {
        let tenantID = try base.tenant.requireID()
        let provider = MapOrganization(tenantID: tenantID, name: organization.name, description: "Aanbieder", organizationID: organization.id)
        try await provider.create(on: base.app.db)
        let service = Service(tenantID: tenantID, mapOrganizationID: try provider.requireID(), name: name, description: "Hulp bij geldzaken")
        service.acceptsReferrals = accepting
        service.capacity = ServiceCapacity.waitingList.rawValue
        service.expectedWaitWeeks = 3
        service.refreshSearchColumns(providerName: provider.name)
        try await service.create(on: base.app.db)
        for domain in domains {
            try await ServiceTerm(tenantID: tenantID, serviceID: try service.requireID(), termID: MapTaxonomy.term(for: domain).id).create(on: base.app.db)
        }
        return service
    }

    var newPath: String { SiteRoute.referralNew.path(base.householdID, goal.id!) }
    var createPath: String { SiteRoute.goalReferrals.path(base.householdID, goal.id!) }

    /// The coordinator sends a referral through the form.
    func send(to service: Service? = nil, domains: String = "finances", message: String = "Graag contact opnemen, mevrouw spreekt Arabisch.", action: String = "send") async throws -> TestingHTTPResponse {
        let target = service ?? self.service
        try await base.coordinator.get(newPath + "?service_id=\(target.id!.uuidString)")
        return try await base.coordinator.post(createPath, ["service_id": target.id!.uuidString, "domains[]": domains, "message": message, "send": action])
    }

    func referral() async throws -> Referral {
        try #require(try await Referral.query(on: base.app.db).sort(\.$createdAt, .descending).first())
    }

    func step(_ client: TestClient, _ status: String, outcome: String = "", note: String = "", version: Int? = nil) async throws -> TestingHTTPResponse {
        let referral = try await referral()
        let path = SiteRoute.referral.path(referral.id!)
        try await client.get(path)
        // The person confirms a step that ends the referral (the form asks for it).
        return try await client.post(SiteRoute.referralStatus.path(referral.id!), ["status": status, "outcome": outcome, "note": note, "version": String(version ?? referral.version), "confirm": "on"])
    }
}
