import Domain
import Fluent
import Foundation
import SQLKit

/// Making, answering, moving and cancelling appointments. Each change is one
/// conditional update on the version the person saw (so two changes never
/// overwrite each other silently), with its access-log entry; everyone who
/// takes part hears of it in the app, and by mail if they chose so.
enum Appointments {
    struct Draft {
        let domain: LifeDomain
        let slot: AppointmentSlot
        let mode: AppointmentMode
        let place: String?
        let purpose: String
        let withResident: Bool
        let attendees: [UUID]
    }

    static func create(_ draft: Draft, in opened: ResidentAccess.Opened, context: Context, now: Date = Date()) async throws -> Appointment {
        let cipher = FieldCipher(key: context.keys.field)
        let appointment = Appointment()
        (appointment.id, appointment.tenantID, appointment.householdID, appointment.domain) = (UUID(), opened.tenantID, opened.householdID, draft.domain.rawValue)
        (appointment.startsAt, appointment.endsAt, appointment.mode) = (draft.slot.start, draft.slot.end, draft.mode.rawValue)
        appointment.placeEncrypted = try draft.place.map { try cipher.seal($0) }
        appointment.purposeEncrypted = try cipher.seal(draft.purpose)
        (appointment.withResident, appointment.status, appointment.version) = (draft.withResident, AppointmentStatus.proposed.rawValue, 1)
        (appointment.createdBy, appointment.organizationID, appointment.createdAt, appointment.updatedAt) = (context.actor.userID, context.actor.organizationID, now, now)
        try await context.db.transaction { tx in
            try await appointment.create(on: tx)
            for user in Set(draft.attendees + [context.actor.userID]) { try await AppointmentAttendee(appointment, userID: user).create(on: tx) }
            try await context.auditChange("appointment.created", in: opened, purpose: "detail:\(draft.domain.rawValue)",
                                          objectType: "appointment", objectID: appointment.id?.uuidString, on: tx)
            try await tell(appointment, "notification.appointment_proposed", in: opened, by: context.actor, on: tx)
        }
        return appointment
    }

    /// A change the resident or the team makes: false when someone changed it first (nothing is written then).
    enum Change {
        case confirm
        case askAnotherTime(note: String)
        case move(AppointmentSlot)
        case cancel

        var event: String {
            switch self {
            case .confirm: "appointment.confirmed"
            case .askAnotherTime: "appointment.change_requested"
            case .move: "appointment.moved"
            case .cancel: "appointment.cancelled"
            }
        }

        var status: AppointmentStatus {
            switch self {
            case .confirm: .confirmed
            case .askAnotherTime: .changeRequested
            case .move: .proposed
            case .cancel: .cancelled
            }
        }
    }

    static func change(_ appointment: Appointment, _ change: Change, expectedVersion: Int, in opened: ResidentAccess.Opened, context: Context,
                       now: Date = Date()) async throws -> Bool {
        let cipher = FieldCipher(key: context.keys.field)
        return try await context.db.transaction { tx in
            var update = tx.sql.update(Appointment.schema).set("status", to: change.status.rawValue).set("updated_at", to: now)
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
            switch change {
            case .askAnotherTime(let note): update = update.set("resident_note_encrypted", to: try cipher.seal(note))
            case .move(let slot): update = update.set("starts_at", to: slot.start).set("ends_at", to: slot.end).set("resident_note_encrypted", to: SQLLiteral.null)
            case .confirm, .cancel: break
            }
            let changed = try await update.where("tenant_id", .equal, appointment.tenantID).where("id", .equal, try appointment.requireID())
                .where("version", .equal, expectedVersion).returning("id").first() != nil
            guard changed else { return false }
            try await context.auditChange(change.event, in: opened, purpose: "detail:\(appointment.domain)",
                                          objectType: "appointment", objectID: appointment.id?.uuidString, on: tx)
            let key = context.actor.role == .resident ? "notification.appointment_answered" : "notification.appointment_changed"
            try await tell(appointment, key, in: opened, by: context.actor, on: tx)
            return true
        }
    }

    /// The team members taking part but the one who acted hear of it; a
    /// notification names the household, never what the appointment is for.
    /// The resident sees what waits for their answer beside "Afspraken" in the portal's menu.
    private static func tell(_ appointment: Appointment, _ key: String, in opened: ResidentAccess.Opened, by actor: Actor, on db: any Database) async throws {
        let (team, _) = try await opened.attendees(of: appointment, on: db)
        for user in Set(team).subtracting([actor.userID]) {
            try await Notifications.notify(user, tenantID: appointment.tenantID, messageKey: key, subject: opened.household.name,
                                           link: SiteRoute.appointment.path(appointment.householdID, try appointment.requireID()), on: db)
        }
    }

    static func anchor(_ id: UUID) -> String { "appointment-\(id.uuidString.lowercased())" }

    /// The calendar file a participant downloads.
    static func calendarFile(_ appointment: Appointment, context: Context, now: Date = Date()) throws -> String {
        let cipher = FieldCipher(key: context.keys.field)
        let place = appointment.placeEncrypted.flatMap(cipher.openOrNil)
        let mode = context.t("appointment.mode.\(appointment.mode)")
        return ICalendarEvent(
            uid: "\(try appointment.requireID().uuidString.lowercased())@samenspel", stamp: now, start: appointment.startsAt, end: appointment.endsAt,
            summary: cipher.openOrNil(appointment.purposeEncrypted) ?? context.t("appointment.title"),
            location: [mode, place].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": "),
            description: context.t("appointment.calendar_description"), status: appointment.appointmentStatus, sequence: appointment.version - 1
        ).render()
    }
}
