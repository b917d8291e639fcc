import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Worklist caseload")
struct CaseloadTests {
    @Test func eachProfessionalSeesTheirOwnCaseloadAndTheUnassigned() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let colleague = try await scenario.professional("joris", of: scenario.municipal)
            // The intake made Sanne the contact: Fatima's household is on her worklist, not Joris's.
            #expect(try await scenario.coordinator.get("/worklist").body.string.contains("Huishouden El Amrani"))
            #expect(!(try await colleague.get("/worklist").body.string.contains("Huishouden El Amrani")))
            // A household of the organisation without a contact is on everyone's.
            let tenantID = try scenario.tenant.requireID()
            let loose = Household(tenantID: tenantID, name: "Huishouden Zonder Contact", street: "Laan 2", postcode: "1234 AB", city: "Voorbeeld", neighbourhoodCode: nil)
            try await loose.create(on: app.db)
            try await Involvement(tenantID: tenantID, householdID: try loose.requireID(), organizationID: try scenario.municipal.requireID(),
                                  domains: [.finances], isCoordinator: true, startsOn: "2020-01-01").create(on: app.db)
            #expect(try await scenario.coordinator.get("/worklist").body.string.contains("Huishouden Zonder Contact"))
            #expect(try await colleague.get("/worklist").body.string.contains("Huishouden Zonder Contact"))
            // Joris still opens Fatima's household: access follows the organisation, the worklist the person.
            #expect(try await colleague.get(scenario.path).status == .ok)
        }
    }
}
