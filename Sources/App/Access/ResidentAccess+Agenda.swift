import Domain
import Fluent
import Foundation
import SQLKit

extension ResidentAccess {
    /// An appointment on a professional's worklist.
    struct AgendaItem { let appointmentID: UUID; let householdID: UUID; let householdName: String; let domain: LifeDomain; let startsAt: Date; let endsAt: Date }

    /// The professional's open appointments starting before `until` (read
    /// by start, within the longest an appointment lasts: a bounded range of
    /// the tenant's week, never its whole history), soonest
    /// first, each kept only while the access rule lets them read its domain
    /// of that household (decided for all rows at once).
    func agenda(from now: Date, until: Date) async throws -> [AgendaItem] {
        guard actor.role == .professional else { return [] }
        let rows = try await context.db.sql.raw("""
            SELECT a.id, a.household_id, a.domain, a.starts_at, a.ends_at, h.name FROM appointment_attendees p
            JOIN appointments a ON a.tenant_id = p.tenant_id AND a.id = p.appointment_id
            JOIN households h ON h.tenant_id = a.tenant_id AND h.id = a.household_id
            WHERE p.tenant_id = \(bind: actor.tenantID) AND p.user_id = \(bind: actor.userID) AND a.status <> \(bind: AppointmentStatus.cancelled.rawValue)
              AND a.starts_at > \(bind: now.addingTimeInterval(-AppointmentSlot.longest)) AND a.starts_at < \(bind: until) AND a.ends_at > \(bind: now)
            ORDER BY a.starts_at, a.id LIMIT 100
            """).all()
        let items = try rows.compactMap { row -> AgendaItem? in
            guard let domain = LifeDomain(rawValue: try row.decode(column: "domain", as: String.self)) else { return nil }
            return AgendaItem(appointmentID: try row.decode(column: "id", as: UUID.self), householdID: try row.decode(column: "household_id", as: UUID.self),
                              householdName: try row.decode(column: "name", as: String.self), domain: domain,
                              startsAt: try row.decode(column: "starts_at", as: Date.self), endsAt: try row.decode(column: "ends_at", as: Date.self))
        }
        let contexts = try await contexts(forHouseholdsInTenant: Array(Set(items.map(\.householdID))))
        return items.filter { item in contexts[item.householdID].map { AccessPolicy.decide($0, .detail(item.domain)).isAllowed } ?? false }
    }

    /// Appointments waiting for the signed-in resident's answer, in the households they belong to or represent: the count beside "Afspraken".
    static func appointmentsToAnswer(userID: UUID, tenantID: UUID, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS waiting FROM appointments a
            WHERE a.tenant_id = \(bind: tenantID) AND a.with_resident = \(bind: true) AND a.status = \(bind: AppointmentStatus.proposed.rawValue)
              AND a.ends_at > \(bind: Date())
              AND a.household_id IN (
                SELECT r.household_id FROM residents r WHERE r.tenant_id = \(bind: tenantID) AND r.user_id = \(bind: userID)
                UNION SELECT rp.household_id FROM representations rp WHERE rp.tenant_id = \(bind: tenantID) AND rp.user_id = \(bind: userID))
            """).first()
        return try row?.decode(column: "waiting", as: Int.self) ?? 0
    }
}
