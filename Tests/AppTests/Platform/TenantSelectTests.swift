import Fluent
import Foundation
import Testing
@testable import App

/// `TenantOwned.select`: the hand-written read of the hot pages keeps to
/// the tenant and gives the same models as a Fluent query.
@Suite("Tenant-scoped select")
struct TenantSelectTests {
    @Test func readsOnlyTheTenantsRowsAndDecodesThemAsFluentDoes() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha").requireID(), beta = try await fixtures.tenant("beta").requireID()
            for (tenant, name) in [(alpha, "Jansen"), (alpha, "De Vries"), (beta, "Bakker")] {
                let household = Household(tenantID: tenant, name: name, street: "Dorpsstraat 1", postcode: "1234AB", city: "Dorp", neighbourhoodCode: nil)
                try await household.create(on: app.db)
                try await Resident(tenantID: tenant, householdID: try household.requireID(), givenName: "Eva", familyName: name,
                                   birthDate: "1980-02-29", relation: .head).create(on: app.db)
            }

            let mine = try await Household.select(in: alpha, orderBy: "name", on: app.db)
            #expect(mine.map(\.name) == ["De Vries", "Jansen"], "beta's household does not exist for alpha")
            let byFluent = try await Household.scoped(to: alpha, on: app.db).sort(\.$name).all()
            #expect(mine.map(\.id) == byFluent.map(\.id) && mine.map(\.postcode) == byFluent.map(\.postcode) && mine.map(\.createdAt) == byFluent.map(\.createdAt))

            let bakker = try #require(try await Household.scoped(to: beta, on: app.db).first())
            #expect(try await Household.select(in: alpha, where: "id = \(bind: try bakker.requireID())", on: app.db).isEmpty)
            await #expect(throws: (any Error).self) { try await Household.find(bakker.id, in: alpha, on: app.db) }
            #expect(try await Household.find(bakker.id, in: beta, on: app.db).name == "Bakker")

            let residents = try await Resident.select(in: alpha, where: "family_name = \(bind: "Jansen")", limit: 1, on: app.db)
            #expect(residents.map(\.birthDate) == ["1980-02-29"] && residents.first?.relation == HouseholdRelation.head.rawValue)
        }
    }
}
