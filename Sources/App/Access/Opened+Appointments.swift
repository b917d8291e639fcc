import Domain
import Fluent
import Foundation
import SQLKit

/// The appointments of an opened household, each readable by the access
/// rule for its life domain; a resident reads those they take part in.
extension ResidentAccess.Opened {
    func mayRead(_ appointment: Appointment) -> Bool {
        guard appointment.householdID == householdID, let domain = appointment.lifeDomain, allows(.detail(domain)) else { return false }
        return context.role != .resident || appointment.withResident
    }

    /// The appointments the viewer may read, soonest first; only those ending after `from` when given.
    func appointments(endingAfter from: Date? = nil, limit: Int = 100, on db: any Database) async throws -> [Appointment] {
        let domains = LifeDomain.allCases.filter { allows(.detail($0)) }
        guard !domains.isEmpty else { return [] }
        let after: SQLQueryString = from.map { " AND ends_at > \(bind: $0)" } ?? ""
        let rows = try await Appointment.select(
            in: tenantID, where: "household_id = \(bind: householdID) AND domain IN (\(binds: domains.map(\.rawValue)))\(after)",
            orderBy: "starts_at, id", limit: limit, on: db)
        return rows.filter(mayRead)
    }

    /// The team members taking part, and the resident's accounts when they do: who hears of a change.
    func attendees(of appointment: Appointment, on db: any Database) async throws -> (team: [UUID], residents: [UUID]) {
        guard mayRead(appointment) else { return ([], []) }
        let team = try await AppointmentAttendee.select(in: tenantID, where: "appointment_id = \(bind: try appointment.requireID())", on: db).map(\.userID)
        guard appointment.withResident else { return (team, []) }
        let today = Day.today()
        let members = try await Resident.select(in: tenantID, where: "household_id = \(bind: householdID) AND user_id IS NOT NULL", on: db).compactMap(\.userID)
        let representatives = try await Representation.select(in: tenantID, where: "household_id = \(bind: householdID)", on: db)
            .filter { $0.isActive(on: today) }.map(\.userID)
        return (team, members + representatives)
    }

    /// The team's contact people, with whether each may read `domain`: whom an appointment can invite.
    func contactPeople(on db: any Database) async throws -> [(userID: UUID, reads: Set<LifeDomain>)] {
        let seats = try await teamSeats(on: db)
        return seats.compactMap { seat in
            seat.contactUserID.map { user in (user, Set(LifeDomain.allCases.filter { AccessPolicy.decide(seat.context, .detail($0)).isAllowed })) }
        }
    }
}

extension ResidentAccess {
    /// The appointment `appointmentID` in the actor's tenant, its household
    /// opened for reading its domain or (`writing`) for changing it, as the
    /// team (`.write`) or the resident (`.participate`); logged naming it.
    func openAppointment(_ appointmentID: UUID?, writing: Bool, event: String) async throws -> (Opened, Appointment) {
        guard let id = appointmentID, let appointment = try await Appointment.select(in: actor.tenantID, where: "id = \(bind: id)", limit: 1, on: context.db).first,
              let domain = appointment.lifeDomain else {
            _ = try await open(nil, .identity, event: event)
            throw AppError.notFound
        }
        let object = LoggedObject(type: "appointment", id: id)
        if actor.role == .resident, !appointment.withResident {
            try await log(event, .denied(.notInvolved), householdID: appointment.householdID, scope: .detail(domain), object: object)
            throw AppError.notFound
        }
        let action: AccessAction = !writing ? .read(.detail(domain)) : actor.role == .resident ? .participate : .write(domain)
        let opened = try await open(appointment.householdID, action, event: event, object: object)
        guard opened.mayRead(appointment) else { throw AppError.forbidden }
        return (opened, appointment)
    }
}
