import Domain
import Vapor

struct AppointmentForm: Content {
    var domain: String?
    var day: String?
    var start: String?
    var end: String?
    var mode: String?
    var place: String?
    var purpose: String?
    var with_resident: String?
    var attendees: [String]?
}

struct AppointmentMoveForm: Content {
    var day: String?
    var start: String?
    var end: String?
    var version: Int?
}

struct AppointmentAnswerForm: Content {
    var note: String?
    var version: Int?
}

extension Appointments {
    static let placeLength = 200, purposeLength = 150, noteLength = 1000

    /// The time fields checked, each problem under its field.
    static func slot(day: String?, start: String?, end: String?, now: Date) -> (AppointmentSlot?, [ValidationIssue]) {
        let (slot, problems) = AppointmentSlot.read(day: day, start: start, end: end, now: now)
        let field: [AppointmentSlot.Problem: String] = [.day: "appointment_day", .startTime: "appointment_start", .endTime: "appointment_end",
                                                        .endsBeforeStart: "appointment_end", .inThePast: "appointment_day"]
        return (slot, problems.map { .init(field: field[$0]!, messageKey: "appointment.problem.\($0.rawValue)") })
    }

    /// A new appointment's fields checked: a domain the maker may write in, a
    /// time that reads and lies ahead, what it is for, and only colleagues
    /// who may read that domain.
    static func draft(_ form: AppointmentForm, domains: [LifeDomain], invitable: [UUID: Set<LifeDomain>], now: Date) -> (Draft?, [ValidationIssue]) {
        var validator = FormValidator()
        let domain = form.domain.flatMap(LifeDomain.init(rawValue:)).flatMap { domains.contains($0) ? $0 : nil }
        if domain == nil { validator.add("appointment_domain", "validation.choose_option") }
        let (slot, timeIssues) = slot(day: form.day, start: form.start, end: form.end, now: now)
        for issue in timeIssues { validator.add(issue.field, issue.messageKey) }
        let mode = form.mode.flatMap(AppointmentMode.init(rawValue:))
        if mode == nil { validator.add("appointment_mode", "validation.choose_option") }
        let place = validator.text("appointment_place", form.place, required: mode == .inPerson, maxLength: placeLength)
        let purpose = validator.text("appointment_purpose", form.purpose, maxLength: purposeLength)
        let attendees = (form.attendees ?? []).compactMap(UUID.init(uuidString:))
        if let domain, attendees.contains(where: { invitable[$0]?.contains(domain) != true }) {
            validator.add("appointment_attendees", "appointment.attendee_cannot_read")
        }
        guard validator.isValid, let domain, let slot, let mode, let purpose else { return (nil, validator.issues) }
        return (Draft(domain: domain, slot: slot, mode: mode, place: place, purpose: purpose, withResident: form.with_resident == "on", attendees: attendees), [])
    }
}
