import Domain
import Vapor

/// Making an appointment, on its own page.
enum AppointmentNewPage {
    static func build(_ opened: ResidentAccess.Opened, typed: AppointmentForm = .init(), errors: FormErrors = .none, in context: Context) async throws -> FormPage {
        let id = opened.householdID
        let people = try await opened.contactPeople(on: context.db).filter { $0.userID != context.actor.userID }
        let names = try await User.displayNames(of: people.map(\.userID), in: opened.tenantID, on: context.db)
        let chosen = Set(typed.attendees ?? [])
        var fields = FieldBuilder(context, errors: errors)
        var parts: [FormPart] = [
            .field(fields.field("appointment_domain", name: "domain", .select, label: "goal.domain", hint: "appointment.domain_hint",
                                options: context.domainOptions(AppointmentController.domains(opened), chosen: Set([typed.domain].compactMap { $0 })), choose: true)),
            .field(fields.field("appointment_purpose", name: "purpose", label: "appointment.purpose", hint: "appointment.purpose_hint", value: typed.purpose,
                                maxLength: Appointments.purposeLength)),
            .field(fields.field("appointment_day", name: "day", .date, label: "appointment.day", value: typed.day)),
            .field(fields.field("appointment_start", name: "start", .time, label: "appointment.start", value: typed.start)),
            .field(fields.field("appointment_end", name: "end", .time, label: "appointment.end", value: typed.end)),
            .field(fields.field("appointment_mode", name: "mode", .select, label: "appointment.mode",
                                options: AppointmentMode.allCases.map { Option(value: $0.rawValue, label: context.t("appointment.mode.\($0.rawValue)"), selected: $0.rawValue == typed.mode) },
                                choose: true)),
            .field(fields.field("appointment_place", name: "place", label: "appointment.place", hint: "appointment.place_hint", value: typed.place,
                                maxLength: Appointments.placeLength)),
            .field(fields.field("appointment_with_resident", name: "with_resident", .checkbox, label: "appointment.with_resident", checked: typed.with_resident == "on")),
        ]
        if !people.isEmpty {
            parts.append(.choices(fields.choices("appointment_attendees", name: "attendees[]", legend: "appointment.attendees", hint: "appointment.attendees_hint",
                                                 options: people.map { Option(value: $0.userID.uuidString, label: names[$0.userID] ?? "", selected: chosen.contains($0.userID.uuidString)) })))
        }
        return FormPage(
            title: context.t("appointment.new"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.appointments.path(id), parts: parts, submit: context.t("appointment.make"),
                        cancelHref: SiteRoute.household.path(id) + "#appointments-title"),
            errors: fields.namedErrors
        )
    }
}

/// An appointment as a list shows it, on the household page and in the portal.
struct AppointmentRow: Encodable {
    let anchor: String; let when: String; let what: String; let detail: String; let status: String
    let href: String?; let calendarHref: String
    /// For the resident: confirm, or ask for another time (with the version they saw).
    let confirmAction: String?; let changeAction: String?; let version: Int
    /// The resident's "which time suits you better", with what went wrong in it.
    let note: FormField

    static func build(_ appointment: Appointment, href: String?, calendarHref: String, answers: Bool, errors: FormErrors = .none,
                      in context: Context) throws -> AppointmentRow {
        let cipher = FieldCipher(key: context.keys.field)
        let id = try appointment.requireID()
        let status = appointment.appointmentStatus
        let note = appointment.residentNoteEncrypted.flatMap(cipher.openOrNil).map { context.t("appointment.resident_note", $0) }
        return AppointmentRow(
            anchor: Appointments.anchor(id), when: when(appointment, in: context),
            what: cipher.openOrNil(appointment.purposeEncrypted) ?? context.t("note.unreadable"),
            detail: [context.t("appointment.mode.\(appointment.mode)"), appointment.placeEncrypted.flatMap(cipher.openOrNil),
                     appointment.lifeDomain.map { context.t("domain.\($0.rawValue)") }, note].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "),
            status: context.t("appointment.status.\(status.rawValue)"), href: href, calendarHref: calendarHref,
            confirmAction: answers && status == .proposed ? SiteRoute.portalAppointmentConfirm.path(id) : nil,
            changeAction: answers && status.residentMayAnswer ? SiteRoute.portalAppointmentChange.path(id) : nil,
            version: appointment.version, note: noteField(id, errors: errors, in: context))
    }

    static func noteField(_ id: UUID, errors: FormErrors, in context: Context) -> FormField {
        var fields = FieldBuilder(context, errors: errors)
        return fields.field("note-" + id.uuidString.lowercased(), name: "note", .textarea, label: "appointment.which_time",
                            maxLength: Appointments.noteLength, rows: 3)
    }

    /// "8 december 2026, 10:00–11:00".
    static func when(_ appointment: Appointment, in context: Context) -> String {
        context.day(Day.string(appointment.startsAt)) + ", " + Day.clock(appointment.startsAt) + "–" + Day.clock(appointment.endsAt)
    }
}

/// One appointment for the team: its facts, its calendar file, and moving or cancelling it.
struct AppointmentPage: Encodable {
    let title: String
    let row: AppointmentRow
    let attendees: String
    let backHref: String; let backLabel: String
    let moveAction: String?; let cancelAction: String?; let version: Int
    let form: FormPage.Parts
    let errors: FormErrors

    static func build(_ opened: ResidentAccess.Opened, _ appointment: Appointment, typed: AppointmentMoveForm, errors: FormErrors, in context: Context) async throws -> AppointmentPage {
        let id = try appointment.requireID(), householdID = opened.householdID
        let row = try AppointmentRow.build(appointment, href: nil, calendarHref: SiteRoute.appointmentCalendar.path(householdID, id), answers: false, in: context)
        let (team, _) = try await opened.attendees(of: appointment, on: context.db)
        let names = try await User.displayNames(of: team, in: opened.tenantID, on: context.db)
        let who = team.compactMap { names[$0] }.sorted() + (appointment.withResident ? [context.t("appointment.the_resident")] : [])
        let changes = appointment.lifeDomain.map { opened.allows(.write($0)) } == true && appointment.appointmentStatus.isOpen
        var fields = FieldBuilder(context, errors: errors)
        let day = Day.string(appointment.startsAt)
        let parts: [FormPart] = [
            .field(fields.field("appointment_day", name: "day", .date, label: "appointment.day", value: typed.day ?? day)),
            .field(fields.field("appointment_start", name: "start", .time, label: "appointment.start", value: typed.start ?? Day.clock(appointment.startsAt))),
            .field(fields.field("appointment_end", name: "end", .time, label: "appointment.end", value: typed.end ?? Day.clock(appointment.endsAt))),
        ]
        return AppointmentPage(
            title: row.what, row: row, attendees: who.joined(separator: ", "),
            backHref: SiteRoute.household.path(householdID) + "#appointments-title", backLabel: context.t("conversation.back_household", opened.household.name),
            moveAction: changes ? SiteRoute.appointmentMove.path(householdID, id) : nil,
            cancelAction: changes ? SiteRoute.appointmentCancel.path(householdID, id) : nil, version: appointment.version,
            form: .init(parts: parts), errors: fields.namedErrors)
    }
}
