import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("My households, a page at a time")
struct HouseholdListTests {
    @Test func theActiveRuleIsTheSameInSQLAsInSwift() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let today = Day.today(), yesterday = SyntheticHousehold.day(today, plus: -1), tomorrow = SyntheticHousehold.day(today, plus: 1)
            for (starts, ends) in [(today, nil), (tomorrow, nil), (yesterday, today), (yesterday, tomorrow), (yesterday, yesterday), (today, tomorrow)] as [(String, String?)] {
                let involvement = Involvement(tenantID: scenario.tenant.id!, householdID: scenario.householdID, organizationID: scenario.partner.id!,
                                              domains: [.finances], isCoordinator: false, startsOn: starts)
                involvement.endsOn = ends
                try await involvement.create(on: app.db)
            }
            let all = try await Involvement.query(on: app.db).all()
            let bySwift = Set(all.filter { $0.isActive(on: today) }.map(\.id!))
            let rows = try await app.db.sql.raw("SELECT id FROM involvements i WHERE \(Involvement.activeCondition(on: today))").all()
            let bySQL = Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
            #expect(bySQL == bySwift)
            #expect(bySwift.count == 4 && bySwift.count < all.count)
        }
    }

    @Test func fiftyAPageByNameAndMembersFoundAsTyped() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tenantID = scenario.tenant.id!
            for number in 1...120 {
                let household = Household(tenantID: tenantID, name: String(format: "Huishouden %03d", number), street: "Dorpsstraat \(number)",
                                          postcode: "1234AB", city: "Voorbeeld", neighbourhoodCode: nil)
                try await household.create(on: app.db)
                try await Resident(tenantID: tenantID, householdID: household.id!, givenName: number == 77 ? "Emre" : "Jan",
                                   familyName: number == 77 ? "Öztürk" : "Jansen", birthDate: "1980-01-01", relation: .head).create(on: app.db)
                // The partner's household 120 is not the municipality's: it never appears.
                let organization = number == 120 ? scenario.partner : scenario.municipal
                try await Involvement(tenantID: tenantID, householdID: household.id!, organizationID: organization.id!,
                                      domains: [.finances], isCoordinator: false, startsOn: Day.today()).create(on: app.db)
            }
            let first = try await scenario.coordinator.get("/households")
            #expect(first.body.string.contains("Huishouden 001") && first.body.string.contains("Huishouden 050"))
            #expect(!first.body.string.contains("Huishouden 051"))
            #expect(first.body.string.contains(#"href="/households?page=2" rel="next""#) && !first.body.string.contains(#"rel="prev""#))
            let third = try await scenario.coordinator.get("/households?page=3")
            // Pages 1-2 hold 001-100; the third 101-119 and the intake's "Huishouden El Amrani", by name.
            #expect(third.body.string.contains("Huishouden 119") && third.body.string.contains("Huishouden El Amrani"))
            #expect(!third.body.string.contains("Huishouden 120") && !third.body.string.contains(#"rel="next""#))
            #expect(third.body.string.contains(#"href="/households?page=2" rel="prev""#))
            #expect(try await scenario.coordinator.get("/households?page=abc").body.string.contains("Huishouden 001"))

            let found = try await scenario.coordinator.get("/households?q=%C3%B6zt%C3%BCrk")
            #expect(found.body.string.contains("Huishouden 077") && !found.body.string.contains("Huishouden 001"))
            let many = try await scenario.coordinator.get("/households?q=jansen&page=2")
            #expect(many.body.string.contains(#"href="/households?q=jansen&amp;page=1" rel="prev""#))
            #expect(many.body.string.contains("Huishouden 100") && !many.body.string.contains("Huishouden 077"))
        }
    }
}

@Suite("Empty states that tell the truth")
struct EmptyStateTests {
    @Test func aSearchWithoutResultsSaysSoAndTheWorklistSaysWhoseContactYouAre() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let none = try await scenario.coordinator.get("/households?q=Jansen").body.string
            #expect(none.contains("Geen huishoudens van uw organisatie gevonden voor “Jansen”."))
            #expect(!none.contains("nog bij geen enkel huishouden betrokken"))
            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            _ = try await scenario.consent([.finances], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.finances])
            let worklist = try await partner.get("/worklist").body.string
            #expect(worklist.contains("nog van geen enkel huishouden de contactpersoon"))
            #expect(!worklist.contains("nog bij geen enkel huishouden betrokken"))
        }
    }

    @Test func wordsForOneAreSingular() async throws {
        try await withApp { app in
            #expect(app.localizer.text("assessment.disagreement_one", .nl, ["1"]).hasPrefix("Op 1 onderdeel "))
            #expect(app.localizer.text("assessment.ladder_distance_one", .nl, ["+1", "2026-01-01", "3"]).contains("+1 trede,"))
        }
    }
}
