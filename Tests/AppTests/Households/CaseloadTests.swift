import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Worklist caseload")
struct CaseloadTests {
    /// A household of the municipality's organisation that nobody is the contact for yet.
    static func unassigned(_ scenario: HouseholdScenario, name: String = "Huishouden Zonder Contact", endsOn: String? = nil) async throws -> (Household, Involvement) {
        let tenantID = try scenario.tenant.requireID()
        let household = Household(tenantID: tenantID, name: name, street: "Laan 2", postcode: "1234 AB", city: "Voorbeeld", neighbourhoodCode: nil)
        try await household.create(on: scenario.app.db)
        let involvement = Involvement(tenantID: tenantID, householdID: try household.requireID(), organizationID: try scenario.municipal.requireID(),
                                      domains: [.finances], isCoordinator: true, startsOn: "2020-01-01")
        involvement.endsOn = endsOn
        try await involvement.create(on: scenario.app.db)
        return (household, involvement)
    }

    @Test func eachProfessionalSeesTheirOwnCaseloadAndCountsTheUnassigned() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let colleague = try await scenario.professional("joris", of: scenario.municipal)
            // The intake made Sanne the contact: Fatima's household is on her worklist, not Joris's.
            #expect(try await scenario.coordinator.get("/worklist").body.string.contains("Huishouden El Amrani"))
            #expect(!(try await colleague.get("/worklist").body.string.contains("Huishouden El Amrani")))
            #expect(try await colleague.get("/worklist").body.string.contains("Niets."))

            // Households without a contact are counted, not listed: an organisation
            // that never assigns one can have thousands. Ended involvements do not count.
            let (loose, _) = try await Self.unassigned(scenario)
            _ = try await Self.unassigned(scenario, name: "Huishouden Ook Zonder")
            // Involved twice in one household: still one household.
            try await Involvement(tenantID: try scenario.tenant.requireID(), householdID: try loose.requireID(), organizationID: try scenario.municipal.requireID(),
                                  domains: [.housing], isCoordinator: false, startsOn: "2020-01-01").create(on: app.db)
            _ = try await Self.unassigned(scenario, name: "Huishouden Afgesloten", endsOn: "2021-01-01")
            let worklist = try await colleague.get("/worklist").body.string
            #expect(worklist.contains("2 huishoudens van uw organisatie hebben nog geen contactpersoon"))
            #expect(worklist.contains(#"href="/households?unassigned=1""#))
            #expect(!worklist.contains("Huishouden Zonder Contact"))
            let tenantID = try scenario.tenant.requireID(), organizationID = try scenario.municipal.requireID()
            #expect(try await HouseholdList.unassignedCount(organizationID: organizationID, tenantID: tenantID, today: Day.today(), upTo: 100, on: app.db) == 2)
            // Counted only up to the limit and one more: "more than 1".
            #expect(try await HouseholdList.unassignedCount(organizationID: organizationID, tenantID: tenantID, today: Day.today(), upTo: 1, on: app.db) == 2)
            #expect(try await HouseholdList.unassignedCount(organizationID: organizationID, tenantID: tenantID, today: Day.today(), upTo: 0, on: app.db) == 1)

            // The list shows exactly those, with the filter kept.
            let list = try await colleague.get("/households?unassigned=1").body.string
            #expect(list.contains("Huishouden Zonder Contact") && list.contains("Huishouden Ook Zonder"))
            #expect(!list.contains("Huishouden El Amrani") && !list.contains("Huishouden Afgesloten"))
            #expect(list.contains(#"id="unassigned" name="unassigned" value="on" checked"#))
            #expect(try await colleague.get("/households").body.string.contains("Huishouden El Amrani"))
            // Joris still opens Fatima's household: access follows the organisation, the worklist the person.
            #expect(try await colleague.get(scenario.path).status == .ok)
        }
    }

    @Test func beyondAHundredTheWorklistSaysMoreThanAHundred() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = try scenario.tenant.requireID(), organizationID = try scenario.municipal.requireID()
            let households = (0...100).map { Household(tenantID: tenantID, name: "Huishouden \($0)", street: "Laan 2", postcode: "1234 AB", city: "Voorbeeld", neighbourhoodCode: nil) }
            try await households.create(on: app.db)
            try await households.map {
                Involvement(tenantID: tenantID, householdID: try $0.requireID(), organizationID: organizationID, domains: [.finances], isCoordinator: true, startsOn: "2020-01-01")
            }.create(on: app.db)
            let worklist = try await scenario.coordinator.get("/worklist").body.string
            #expect(worklist.contains("Meer dan 100 huishoudens van uw organisatie hebben nog geen contactpersoon"))
        }
    }

    @Test func aProfessionalBecomesTheContactAndTheHouseholdJoinsTheirWorklist() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let colleague = try await scenario.professional("joris", of: scenario.municipal)
            let (household, involvement) = try await Self.unassigned(scenario)
            let page = "/households/\(try household.requireID())"
            let claim = "\(page)/involvements/\(try involvement.requireID())/contact"
            #expect(try await colleague.get(page).body.string.contains("nog geen contactpersoon"))

            let response = try await colleague.post(claim, ["shown": ""])
            #expect(response.status == .seeOther)
            let joris = try #require(try await User.query(on: app.db).filter(\.$username == "joris").first())
            #expect(try await Involvement.find(involvement.id, on: app.db)?.contactUserID == joris.id)
            #expect(try await colleague.get("/worklist").body.string.contains("Huishouden Zonder Contact"))
            let after = try await colleague.get(page).body.string
            #expect(after.contains("Contactpersoon van uw organisatie: \(joris.displayName)."))
            #expect(!after.contains("Ik word contactpersoon"))
            #expect(try await scenario.decisions("involvement.contact", user: "joris") == ["allowed"])
            #expect(try await scenario.decisions("involvement.contact_set", user: "joris") == ["success"])
        }
    }

    @Test func aClaimOnAPageThatShowedAnotherContactOverwritesNothing() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let joris = try await scenario.professional("joris", of: scenario.municipal)
            let mila = try await scenario.professional("mila", of: scenario.municipal)
            let (household, involvement) = try await Self.unassigned(scenario)
            let claim = "/households/\(try household.requireID())/involvements/\(try involvement.requireID())/contact"
            // Both pages showed "no contact"; Joris sends first.
            #expect(try await joris.post(claim, ["shown": ""]).status == .seeOther)
            let late = try await mila.post(claim, ["shown": ""])
            #expect(late.status == .conflict)
            #expect(late.body.string.contains("Intussen is een collega contactpersoon geworden"))
            let jorisID = try #require(try await User.query(on: app.db).filter(\.$username == "joris").first()?.id)
            #expect(try await Involvement.find(involvement.id, on: app.db)?.contactUserID == jorisID)
            // Having seen Joris as the contact, Mila may take over.
            #expect(try await mila.post(claim, ["shown": jorisID.uuidString]).status == .seeOther)
        }
    }

    @Test func onlyTheInvolvedOrganisationsOwnProfessionalsCanClaim() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.involve(scenario.partner, [.finances])
            _ = try await scenario.consent([.finances], for: scenario.partner)
            let partner = try await scenario.professional("piet", of: scenario.partner)
            let municipal = try #require(try await Involvement.query(on: app.db)
                .filter(\.$householdID == scenario.householdID).filter(\.$organizationID == scenario.municipal.requireID()).first())
            let claim = "\(scenario.path)/involvements/\(try municipal.requireID())/contact"
            // The partner is on the team, but this is the municipality's involvement.
            #expect(try await partner.post(claim, ["shown": municipal.contactUserID?.uuidString ?? ""]).status == .notFound)
            let sanne = try #require(try await User.query(on: app.db).filter(\.$username == "sanne").first()?.id)
            #expect(try await Involvement.find(municipal.id, on: app.db)?.contactUserID == sanne)
        }
    }
}
