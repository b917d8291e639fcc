import Domain
import Fluent
import Vapor

/// "Afspraken" in the portal: the resident's appointments, which they
/// confirm or ask to move, and each one's calendar file.
struct PortalAppointmentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.portalAppointments, use: list)
        routes.post(SiteRoute.portalAppointmentConfirm, use: confirm)
        routes.post(SiteRoute.portalAppointmentChange, use: anotherTime)
        routes.get(SiteRoute.portalAppointmentCalendar, use: calendar)
    }

    struct ListPage: Encodable { let upcoming: [AppointmentRow]; let errors: FormErrors }

    func list(req: Request) async throws -> Response {
        let (opened, _) = try await PortalController.own(req, event: "portal.appointments")
        return try await render(req, opened)
    }

    func confirm(req: Request) async throws -> Response {
        let (opened, appointment) = try await open(req, writing: true, event: "portal.appointment_confirm")
        let form = try req.content.decode(AppointmentAnswerForm.self)
        guard appointment.appointmentStatus == .proposed else { return req.redirect(to: SiteRoute.portalAppointments.path()) }
        return try await answered(req, opened, appointment, .confirm, version: form.version)
    }

    func anotherTime(req: Request) async throws -> Response {
        let (opened, appointment) = try await open(req, writing: true, event: "portal.appointment_change")
        let form = try req.content.decode(AppointmentAnswerForm.self)
        let field = "note-" + (try appointment.requireID()).uuidString.lowercased()
        var validator = FormValidator()
        let note = validator.text(field, form.note, maxLength: Appointments.noteLength, allowLineBreaks: true)
        guard let note, appointment.appointmentStatus.residentMayAnswer else {
            let issues = validator.issues.isEmpty ? [ValidationIssue(field: field, messageKey: "appointment.already_cancelled")] : validator.issues
            return try await render(req, opened, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        }
        return try await answered(req, opened, appointment, .askAnotherTime(note: note), version: form.version)
    }

    func calendar(req: Request) async throws -> Response {
        let (_, appointment) = try await open(req, writing: false, event: "portal.appointment_calendar")
        return try AppointmentController.calendarResponse(appointment, context: req.context())
    }

    private func answered(_ req: Request, _ opened: ResidentAccess.Opened, _ appointment: Appointment, _ change: Appointments.Change, version: Int?) async throws -> Response {
        let id = try appointment.requireID()
        guard try await Appointments.change(appointment, change, expectedVersion: version ?? -1, in: opened, context: req.context()) else {
            let conflict = [ValidationIssue(field: "note-" + id.uuidString.lowercased(), messageKey: "appointment.conflict")]
            return try await render(req, opened, errors: FormErrors(conflict, req: req), status: .conflict)
        }
        return req.redirect(to: SiteRoute.portalAppointments.path() + "#" + Appointments.anchor(id),
                            notice: change.status == .confirmed ? .appointmentConfirmed : .appointmentChangeAsked)
    }

    private func open(_ req: Request, writing: Bool, event: String) async throws -> (ResidentAccess.Opened, Appointment) {
        guard try req.requireActor().role == .resident else { throw AppError.notFound }
        return try await req.residentAccess().openRow(Appointment.self, req.id(.appointmentID), writing: writing, event: event)
    }

    private func render(_ req: Request, _ opened: ResidentAccess.Opened, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let context = try req.context()
        let upcoming = try await opened.appointments(endingAfter: Date(), on: req.db).map { appointment in
            try AppointmentRow.build(appointment, href: nil, calendarHref: SiteRoute.portalAppointmentCalendar.path(try appointment.requireID()), answers: true, errors: errors, in: context)
        }
        return try await req.page("portal/appointments", title: req.t("portal.appointments"), ListPage(upcoming: upcoming, errors: errors), status: status)
    }
}
