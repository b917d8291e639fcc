import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Contact details and the volunteer's task")
struct ContactDetailsTests {
    @Test func theCoordinatorRecordsContactSealedAndTheVolunteerSeesItOnlyWhenShared() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let volunteerOrg = try await scenario.fixtures.organization(in: scenario.tenant, name: "Vrijwilligers", kind: .volunteer)
            let (henk, henkSecret) = try await scenario.fixtures.user("henk", role: .volunteer, in: scenario.tenant, organization: volunteerOrg)
            let resident = try #require(try await Resident.query(on: app.db).filter(\.$householdID == scenario.householdID).first())
            let contactPath = SiteRoute.residentContact.path(scenario.householdID, try resident.requireID())

            try await scenario.coordinator.get(contactPath)
            // A bad number is refused, named, and what was typed stays.
            let refused = try await scenario.coordinator.post(contactPath, ["phone": "bel me", "email": "f.elamrani@example.nl"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Telefoonnummer: Vul een telefoonnummer in") && refused.body.string.contains(#"value="f.elamrani@example.nl""#))
            #expect(try await scenario.coordinator.post(contactPath, ["phone": "06-12345678", "email": "f.elamrani@example.nl"]).status == .seeOther)
            let stored = try #require(try await Resident.find(resident.id, on: app.db))
            #expect(stored.phoneEncrypted != nil && !(stored.phoneEncrypted ?? "").contains("12345678"))
            #expect(try await scenario.coordinator.get(scenario.path).body.string.contains("06-12345678 · f.elamrani@example.nl"))

            try await scenario.coordinator.get(SiteRoute.goal.path(scenario.householdID, try goal.requireID()))
            #expect(try await scenario.coordinator.post(SiteRoute.actions.path(scenario.householdID, try goal.requireID()), [
                "description": "Samen de post openen", "owner_kind": "volunteer", "owner_volunteer_id": try henk.requireID().uuidString,
            ]).status == .seeOther)
            let volunteer = TestClient(app)
            try await scenario.fixtures.signIn(volunteer, "henk", secret: henkSecret)
            // Not shared with volunteers: no number, no address; whom to ask instead.
            let before = try await volunteer.get("/my-actions").body.string
            #expect(!before.contains("06-12345678") && !before.contains("Dorpsstraat"))
            #expect(before.contains("Vragen? Neem contact op met"))

            #expect(try await scenario.coordinator.post(contactPath, ["phone": "06-12345678", "email": "", "contact_for_volunteers": "on"]).status == .seeOther)
            let after = try await volunteer.get("/my-actions").body.string
            #expect(after.contains("06-12345678") && after.contains("Dorpsstraat"))

            // Reporting back: a note for the team in the goal's domain, the coordinator told.
            let action = try #require(try await PlanAction.query(on: app.db).filter(\.$ownerKind == "volunteer").first())
            let reportPath = SiteRoute.myActionReport.path(try action.requireID())
            #expect(try await volunteer.post(reportPath, ["text": ""]).status == .unprocessableEntity)
            #expect(try await volunteer.post(reportPath, ["text": "Samen de post gesorteerd."]).status == .seeOther)
            let note = try #require(try await Note.query(on: app.db).filter(\.$kind == NoteKind.report.rawValue).first())
            #expect(note.domain == LifeDomain.finances.rawValue)
            #expect(try await scenario.coordinator.get(scenario.path).body.string.contains("Samen de post openen: Samen de post gesorteerd."))
            // Another volunteer cannot report on it.
            let (_, kimSecret) = try await scenario.fixtures.user("kim", role: .volunteer, in: scenario.tenant, organization: volunteerOrg)
            let kim = TestClient(app)
            try await scenario.fixtures.signIn(kim, "kim", secret: kimSecret)
            #expect(try await kim.post(reportPath, ["text": "Gedaan"]).status == .notFound)
            #expect(try await Note.query(on: app.db).filter(\.$kind == NoteKind.report.rawValue).count() == 1)
        }
    }

    @Test func aProfessionalSetsTheirWorkContactAndTheResidentSeesIt() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.coordinator.get(SiteRoute.accountContact.path())
            let refused = try await scenario.coordinator.post(SiteRoute.accountContact.path(), ["work_phone": "020-1234567", "work_email": "geen adres"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains(#"value="020-1234567""#))
            #expect(try await scenario.coordinator.post(SiteRoute.accountContact.path(), ["work_phone": "020-1234567", "work_email": "sanne@gemeente.example"]).status == .seeOther)
            let person = try await ActionRightsTests.residentClient(scenario)
            #expect(try await person.get("/portal").body.string.contains("020-1234567 · sanne@gemeente.example"))
        }
    }
}
