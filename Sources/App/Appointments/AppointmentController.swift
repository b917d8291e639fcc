import Domain
import Fluent
import Vapor

/// The team's appointments around a household: making one, seeing it,
/// moving or cancelling it, and its calendar file. Every step opens the
/// appointment through the access rule for its domain.
struct AppointmentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.appointmentNew, use: new)
        routes.post(SiteRoute.appointments, use: create)
        routes.get(SiteRoute.appointment, use: show)
        routes.post(SiteRoute.appointmentMove, use: move)
        routes.post(SiteRoute.appointmentCancel, use: cancel)
        routes.get(SiteRoute.appointmentCalendar, use: calendar)
    }

    /// The domains a professional may plan in (never under an emergency opening).
    static func domains(_ opened: ResidentAccess.Opened) -> [LifeDomain] { LifeDomain.allCases.filter { opened.allows(.write($0)) } }

    func new(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "appointment.form")
        guard !Self.domains(opened).isEmpty else { throw AppError.forbidden }
        return try await req.formPage(AppointmentNewPage.build(opened, in: req.context()))
    }

    func create(req: Request) async throws -> Response {
        let context = try req.context()
        let form = try req.content.decode(AppointmentForm.self)
        let householdID = req.id(.householdID)
        let domain = form.domain.flatMap(LifeDomain.init(rawValue:))
        let opened = try await req.residentAccess().open(householdID, domain.map { .write($0) } ?? .read(.identity), event: "appointment.create")
        let invitable = Dictionary(try await opened.contactPeople(on: req.db).map { ($0.userID, $0.reads) }, uniquingKeysWith: { $0.union($1) })
        let (draft, issues) = Appointments.draft(form, domains: Self.domains(opened), invitable: invitable, now: Date())
        guard let draft else {
            return try await req.formPage(AppointmentNewPage.build(opened, typed: form, errors: FormErrors(issues, req: req), in: context))
        }
        let appointment = try await Appointments.create(draft, in: opened, context: context)
        return req.redirect(to: SiteRoute.appointment.path(opened.householdID, try appointment.requireID()), notice: .appointmentMade)
    }

    func show(req: Request) async throws -> Response {
        let (opened, appointment) = try await open(req, writing: false, event: "appointment.read")
        return try await render(req, opened, appointment)
    }

    func move(req: Request) async throws -> Response {
        let (opened, appointment) = try await open(req, writing: true, event: "appointment.move")
        let form = try req.content.decode(AppointmentMoveForm.self)
        let (slot, issues) = Appointments.slot(day: form.day, start: form.start, end: form.end, now: Date())
        guard let slot, appointment.appointmentStatus.isOpen else {
            let refused = appointment.appointmentStatus.isOpen ? issues : [.init(field: "appointment_day", messageKey: "appointment.already_cancelled")]
            return try await render(req, opened, appointment, typed: form, errors: FormErrors(refused, req: req), status: .unprocessableEntity)
        }
        return try await changed(req, opened, appointment, .move(slot), version: form.version, typed: form)
    }

    func cancel(req: Request) async throws -> Response {
        let (opened, appointment) = try await open(req, writing: true, event: "appointment.cancel")
        let form = try req.content.decode(AppointmentMoveForm.self)
        guard appointment.appointmentStatus.isOpen else { return req.redirect(to: SiteRoute.appointment.path(opened.householdID, try appointment.requireID())) }
        return try await changed(req, opened, appointment, .cancel, version: form.version)
    }

    func calendar(req: Request) async throws -> Response {
        let (_, appointment) = try await open(req, writing: false, event: "appointment.calendar")
        return try Self.calendarResponse(appointment, context: req.context())
    }

    static func calendarResponse(_ appointment: Appointment, context: Context) throws -> Response {
        let response = Response(status: .ok, body: .init(string: try Appointments.calendarFile(appointment, context: context)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"afspraak.ics\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func changed(_ req: Request, _ opened: ResidentAccess.Opened, _ appointment: Appointment, _ change: Appointments.Change, version: Int?,
                         typed: AppointmentMoveForm = .init()) async throws -> Response {
        guard try await Appointments.change(appointment, change, expectedVersion: version ?? -1, in: opened, context: req.context()) else {
            let current = try await opened.appointments(on: req.db).first { $0.id == appointment.id } ?? appointment
            return try await render(req, opened, current, typed: typed,
                                    errors: FormErrors([.init(field: "appointment_day", messageKey: "appointment.conflict")], req: req), status: .conflict)
        }
        return req.redirect(to: SiteRoute.appointment.path(opened.householdID, try appointment.requireID()),
                            notice: change.status == .cancelled ? .appointmentCancelled : .appointmentMoved)
    }

    private func open(_ req: Request, writing: Bool, event: String) async throws -> (ResidentAccess.Opened, Appointment) {
        let (opened, appointment) = try await req.residentAccess().openRow(Appointment.self, req.id(.appointmentID), writing: writing, event: event)
        guard appointment.householdID == req.id(.householdID), try req.requireActor().role != .resident else { throw AppError.notFound }
        return (opened, appointment)
    }

    private func render(_ req: Request, _ opened: ResidentAccess.Opened, _ appointment: Appointment, typed: AppointmentMoveForm = .init(),
                        errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await AppointmentPage.build(opened, appointment, typed: typed, errors: errors, in: req.context())
        return try await req.page("appointments/show", title: page.title, page, status: status)
    }
}
