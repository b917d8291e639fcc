import Domain
import Fluent
import Foundation
import SQLKit

/// The appointments of an opened household, each readable by the access
/// rule for its life domain; a resident reads those they take part in.
extension ResidentAccess.Opened {
    /// The appointments the viewer may read, soonest first; only those ending after `from` when given.
    func appointments(endingAfter from: Date? = nil, limit: Int = 100, on db: any Database) async throws -> [Appointment] {
        try await rows(Appointment.self, where: from.map { "ends_at > \(bind: $0)" }, orderBy: "starts_at, id", limit: limit, on: db)
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
