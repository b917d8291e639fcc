import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 25: appointments with the resident and the team, under the access
/// rule for their domain: the resident confirms or asks for another time in
/// the portal, each participant downloads a calendar file, bad times are refused.
@Suite("Appointments around a household")
struct AppointmentAppTests {
    static func soon() -> String { Day.string(Date().addingTimeInterval(2 * 86_400)) }

    static func make(_ scenario: HouseholdScenario, purpose: String = "Samen de brief doornemen", withResident: Bool = true,
                     extra: [String: String] = [:]) async throws -> TestingHTTPResponse {
        var form = ["domain": "finances", "day": soon(), "start": "10:00", "end": "11:00", "mode": "in_person",
                    "place": "Wijkcentrum De Linde", "purpose": purpose]
        if withResident { form["with_resident"] = "on" }
        return try await scenario.coordinator.post(SiteRoute.appointments.path(scenario.householdID), form.merging(extra) { $1 })
    }

    @Test func theResidentConfirmsOrAsksAnotherTimeAndTheTeamHearsOfIt() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await ConversationTests.resident(of: scenario)
            #expect(try await Self.make(scenario).status == .seeOther)
            let appointment = try #require(try await Appointment.query(on: app.db).first())
            let id = try appointment.requireID()
            #expect(try await scenario.coordinator.get(scenario.path).body.string.contains("Samen de brief doornemen"))
            #expect(try await scenario.coordinator.get(SiteRoute.worklist.path()).body.string.contains("Mijn afspraken deze week"))

            // The resident sees it waiting for an answer, and confirms.
            let portal = try await resident.get(SiteRoute.portalAppointments.path())
            #expect(portal.body.string.contains("Samen de brief doornemen") && portal.body.string.contains("Afspraken <span"))
            #expect(try await resident.post(SiteRoute.portalAppointmentConfirm.path(id), ["version": "1"]).status == .seeOther)
            #expect(try await Appointment.find(id, on: app.db)?.status == "confirmed")
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.appointment_answered").count() == 1)

            // A second answer from the page as it was is refused; asking for another time needs words.
            #expect(try await resident.post(SiteRoute.portalAppointmentChange.path(id), ["version": "1", "note": "Liever 's middags"]).status == .conflict)
            #expect(try await resident.post(SiteRoute.portalAppointmentChange.path(id), ["version": "2", "note": " "]).status == .unprocessableEntity)
            #expect(try await resident.post(SiteRoute.portalAppointmentChange.path(id), ["version": "2", "note": "Liever 's middags"]).status == .seeOther)
            let page = try await scenario.coordinator.get(SiteRoute.appointment.path(scenario.householdID, id)).body.string
            #expect(page.contains("Liever &#39;s middags") || page.contains("Liever 's middags"))

            // The team moves it; the calendar file says so, with a higher sequence.
            let moved = try await scenario.coordinator.post(SiteRoute.appointmentMove.path(scenario.householdID, id),
                                                            ["day": Self.soon(), "start": "14:00", "end": "15:00", "version": "3"])
            #expect(moved.status == .seeOther)
            let calendar = try await resident.get(SiteRoute.portalAppointmentCalendar.path(id))
            #expect(calendar.headers.contentType?.description.hasPrefix("text/calendar") == true)
            #expect(calendar.body.string.contains("SEQUENCE:3") && calendar.body.string.contains("STATUS:TENTATIVE"))
            #expect(calendar.body.string.contains("SUMMARY:Samen de brief doornemen"))

            // Cancelled: the resident cannot confirm any more.
            #expect(try await scenario.coordinator.post(SiteRoute.appointmentCancel.path(scenario.householdID, id), ["version": "4"]).status == .seeOther)
            #expect(try await resident.post(SiteRoute.portalAppointmentConfirm.path(id), ["version": "5"]).status == .seeOther)
            #expect(try await Appointment.find(id, on: app.db)?.status == "cancelled")
        }
    }

    @Test func theAccessRuleDecidesWhoSeesAnAppointment() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let partner = try await ConversationTests.partnerOnTeam(scenario, [.finances])
            let resident = try await ConversationTests.resident(of: scenario)
            _ = try await Self.make(scenario, purpose: "Overleg zonder inwoner", withResident: false)
            let appointment = try #require(try await Appointment.query(on: app.db).first())
            let id = try appointment.requireID()
            let path = SiteRoute.appointment.path(scenario.householdID, id)
            #expect(try await partner.get(path).status == .forbidden, "no consent for finances")
            #expect(try await partner.get(SiteRoute.appointmentCalendar.path(scenario.householdID, id)).status == .forbidden)
            #expect(try await resident.get(SiteRoute.portalAppointmentCalendar.path(id)).status == .notFound, "not with the resident")
            #expect(!(try await resident.get(SiteRoute.portalAppointments.path()).body.string.contains("Overleg zonder inwoner")))
            _ = try await scenario.consent([.finances], for: scenario.partner)
            #expect(try await partner.get(path).status == .ok)
            #expect(try await scenario.decisions("appointment.read", user: "schuldhulp") == ["denied", "allowed"])
            // Encrypted at rest.
            for row in try await app.db.sql.raw("SELECT * FROM appointments").all() {
                for column in row.allColumns {
                    let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                    #expect(text?.contains("Overleg") != true && text?.contains("De Linde") != true, "appointments.\(column)")
                }
            }
            let listed = try await scenario.coordinator.get(SiteRoute.apiHouseholdAppointments.path(scenario.householdID))
            #expect(listed.status == .ok && listed.body.string.contains("Overleg zonder inwoner"))
        }
    }

    @Test func badTimesAndInvitationsAreRefusedAndNothingIsSaved() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let past = try await Self.make(scenario, extra: ["day": "2020-01-06"])
            #expect(past.status == .unprocessableEntity && past.body.string.contains("Deze datum en tijd zijn al voorbij."))
            #expect(past.body.string.contains("Samen de brief doornemen"), "what was typed stays")
            let backwards = try await Self.make(scenario, extra: ["start": "11:00", "end": "10:00"])
            #expect(backwards.status == .unprocessableEntity && backwards.body.string.contains("na de begintijd eindigen"))
            let noPlace = try await Self.make(scenario, extra: ["place": ""])
            #expect(noPlace.status == .unprocessableEntity)
            // A colleague whose organisation may not read finances (no consent) cannot be invited to it.
            _ = try await ConversationTests.partnerOnTeam(scenario, [.finances])
            let partner = try #require(try await User.query(on: app.db).filter(\.$username == "schuldhulp").first())
            let invited = try await Self.make(scenario, extra: ["attendees[]": try partner.requireID().uuidString])
            #expect(invited.status == .unprocessableEntity && invited.body.string.contains("mag dit leefgebied niet zien"))
            #expect(try await scenario.coordinator.post(SiteRoute.appointments.path(scenario.householdID), ["domain": "mental_health", "purpose": "x"]).status == .forbidden)
            #expect(try await Appointment.query(on: app.db).count() == 0)
        }
    }

    @Test func theTeamIsRemindedTheDayBeforeOnce() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let tomorrow = Day.string(Date().addingTimeInterval(86_400))
            #expect(try await Self.make(scenario, extra: ["day": tomorrow, "start": "23:00", "end": "23:30"]).status == .seeOther)
            let reminders = Reminders(db: app.db)
            let first = try await reminders.appointmentsTomorrow(tenantID: try scenario.tenant.requireID(), day: CivilDay.today(), now: Date())
            let again = try await reminders.appointmentsTomorrow(tenantID: try scenario.tenant.requireID(), day: CivilDay.today(), now: Date())
            #expect(first == 1 && again == 0)
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.appointment_tomorrow").count() == 1)
        }
    }
}
