import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

@Suite("Registering a household")
struct IntakeTests {
    @Test func intakeMakesTheRegistrarCoordinatorAndHidesTheBSN() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let page = try await scenario.coordinator.get(scenario.path)
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("Huishouden El Amrani"))
            #expect(body.contains("1234 AB"))
            #expect(!body.contains(HouseholdScenario.bsn))
            #expect(body.contains("(regisseur)"))
            let involvement = try #require(try await Involvement.query(on: app.db).first())
            #expect(involvement.isCoordinator && involvement.lifeDomains == [.finances])
            #expect(try await scenario.decisions("household.view", user: "sanne") == ["allowed"])
        }
    }

    @Test func theRawDatabaseHoldsNoPlaintextBSN() async throws {
        try await withApp { app in
            _ = try await HouseholdScenario.make(app)
            let rows = try await app.db.sql.raw("SELECT * FROM residents").all()
            #expect(rows.count == 1)
            for row in rows {
                for column in row.allColumns {
                    let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                    #expect(text?.contains(HouseholdScenario.bsn) != true, "column \(column)")
                }
            }
            let resident = try #require(try await Resident.query(on: app.db).first())
            #expect(try FieldCipher(key: app.config.keys.field).open(resident.bsnEncrypted!) == HouseholdScenario.bsn)
            // Every log line about it is free of the number too.
            for entry in try await AccessLogEntry.query(on: app.db).all() {
                #expect(!entry.record.canonical.contains(HouseholdScenario.bsn))
            }
        }
    }

    @Test func showingTheBSNIsExplicitAndLogged() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.coordinator.get(scenario.path)
            let resident = try #require(try await Resident.query(on: app.db).first())
            let shown = try await scenario.coordinator.post(SiteRoute.residentBSN.path(scenario.householdID, try resident.requireID()))
            #expect(shown.status == .ok)
            #expect(shown.body.string.contains(HouseholdScenario.bsn))
            #expect(try await scenario.decisions("resident.bsn_shown", user: "sanne") == ["allowed"])
        }
    }

    @Test func badInputIsExplainedAndNothingIsStored() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get("/households/new")
            let response = try await client.post("/households", HouseholdScenario.intake([
                "bsn": "123456789", "birth_date": "2999-01-01", "postcode": "0123 AB", "given_name": "Ayşe", "domains[]": "nonsense",
            ]))
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains("Dit is geen geldig BSN"))
            #expect(body.contains("Een geboortedatum kan niet in de toekomst liggen."))
            #expect(body.contains("Vul een postcode in als 1234 AB."))
            #expect(body.contains("Kies minstens één leefgebied."))
            #expect(body.contains(#"value="Ayşe""#) && body.contains(#"value="123456789""#))
            #expect(try await Household.query(on: app.db).count() == 1)
            #expect(try await Resident.query(on: app.db).count() == 1)
        }
    }

    /// The Dutch way of writing a date is a date; 31 February is not a format error.
    @Test func datesAreReadAsPeopleWriteThem() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get("/households/new")
            let missing = try await client.post("/households", HouseholdScenario.intake(["bsn": "", "given_name": "Noor", "birth_date": "1980-02-31"]))
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Die datum bestaat niet. Kijk de dag en de maand na."))
            let written = try await client.post("/households", HouseholdScenario.intake(["bsn": "", "given_name": "Noor", "family_name": "Bakker", "birth_date": "7-5-1990"]))
            #expect(written.status == .seeOther)
            #expect(try await Resident.query(on: app.db).filter(\.$givenName == "Noor").first()?.birthDate == "1990-05-07")
        }
    }

    @Test func anExistingResidentIsOfferedNotDuplicated() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get("/households/new")
            let sameBSN = try await client.post("/households", HouseholdScenario.intake(["given_name": "Another"]))
            #expect(sameBSN.status == .conflict)
            #expect(sameBSN.body.string.contains("Er is al een inwoner met dit BSN."))
            #expect(sameBSN.body.string.contains(scenario.path))
            let sameNameAndBirth = try await client.post("/households", HouseholdScenario.intake(["bsn": ""]))
            #expect(sameNameAndBirth.status == .conflict)
            #expect(try await Household.query(on: app.db).count() == 1)
            let confirmed = try await client.post("/households", HouseholdScenario.intake(["bsn": "", "confirm_duplicate": "on"]))
            #expect(confirmed.status == .seeOther)
            #expect(try await Household.query(on: app.db).count() == 2)
        }
    }

    @Test func partnersRecordConsentAtIntake() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            try await partner.get("/households/new")
            let missing = try await partner.post("/households", HouseholdScenario.intake(["bsn": "999999990", "given_name": "Jan"]))
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Leg vast hoe de inwoner toestemming gaf."))
            let registered = try await partner.post("/households", HouseholdScenario.intake([
                "bsn": "999999990", "given_name": "Jan", "consent_method": "signed_on_paper", "consent_purpose": "Schulden regelen",
            ]))
            #expect(registered.status == .seeOther)
            let consent = try #require(try await Consent.query(on: app.db).first())
            #expect(consent.recipientOrganizationID == scenario.partner.id && consent.lifeDomains == [.finances])
            #expect(try await partner.get(registered.headers.first(name: .location)!).status == .ok)
        }
    }
}

@Suite("Finding residents")
struct FindResidentTests {
    @Test func byNameWithinMyHouseholdsAndByBSNWithoutRevealingOthers() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let mine = try await scenario.coordinator.get("/households?q=amrani")
            #expect(mine.body.string.contains("Huishouden El Amrani"))
            #expect(!(try await scenario.coordinator.get("/households?q=jansen").body.string.contains("Huishouden El Amrani")))
            #expect(try await scenario.coordinator.get("/households?q=111%20222%20333").body.string.contains("Huishouden El Amrani"))

            let other = try await scenario.professional("collega", of: scenario.partner)
            let byName = try await other.get("/households?q=amrani")
            #expect(!byName.body.string.contains("Huishouden El Amrani"))
            let byBSN = try await other.get("/households?q=111222333")
            #expect(!byBSN.body.string.contains("Huishouden El Amrani"))
            #expect(byBSN.body.string.contains("Deze inwoner is bekend"))
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$event == "resident.search").count() == 2)
        }
    }
}
