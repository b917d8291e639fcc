import Domain
import Fluent
import Foundation
import SQLKit

/// What retention asks of a household's file: when it closed (the last
/// involvement ended, none still running), whether a minor was in it, and
/// whether a legal hold stands.
enum HouseholdFiles {
    struct Closed: Equatable {
        let householdID: UUID
        let closedOn: CivilDay
    }

    /// The file of one household, as on `today`.
    static func file(_ householdID: UUID, tenantID: UUID, today: CivilDay, on db: any Database) async throws -> ErasurePolicy.File {
        let row = try await db.sql.raw("""
            SELECT MAX(ends_on) AS closed_on, SUM(CASE WHEN ends_on IS NULL OR ends_on >= \(bind: today.iso) THEN 1 ELSE 0 END) AS running
            FROM involvements WHERE tenant_id = \(bind: tenantID) AND household_id = \(bind: householdID)
            """).first()
        let running = try row?.decode(column: "running", as: Int?.self) ?? 0
        let closedOn = running > 0 ? nil : try row?.decode(column: "closed_on", as: String?.self).flatMap { CivilDay($0) }
        let day = closedOn ?? today
        return ErasurePolicy.File(closedOn: closedOn, hadMinor: try await hadMinors([householdID], on: day, tenantID: tenantID, on: db).contains(householdID),
                                  legalHold: try await held([householdID], tenantID: tenantID, on: db).contains(householdID))
    }

    /// Files not yet erased that closed on `closedBy` or before, after
    /// `after` in id order (a page of `limit`): those retention looks at.
    static func closed(tenantID: UUID, closedBy: CivilDay, today: CivilDay, after: UUID?, limit: Int, on db: any Database) async throws -> [Closed] {
        let from: SQLQueryString = after.map { "AND i.household_id > \(bind: $0)" } ?? ""
        let rows = try await db.sql.raw("""
            SELECT i.household_id, MAX(i.ends_on) AS closed_on
            FROM involvements i JOIN households h ON h.tenant_id = i.tenant_id AND h.id = i.household_id
            WHERE i.tenant_id = \(bind: tenantID) AND h.anonymised_at IS NULL \(from)
            GROUP BY i.household_id
            HAVING SUM(CASE WHEN i.ends_on IS NULL OR i.ends_on >= \(bind: today.iso) THEN 1 ELSE 0 END) = 0 AND MAX(i.ends_on) <= \(bind: closedBy.iso)
            ORDER BY i.household_id LIMIT \(literal: limit)
            """).all()
        return try rows.compactMap { row in
            guard let day = CivilDay(try row.decode(column: "closed_on", as: String.self)) else { return nil }
            return Closed(householdID: try row.decode(column: "household_id", as: UUID.self), closedOn: day)
        }
    }

    /// Which of `households` had someone under 18 on `day`.
    static func hadMinors(_ households: [UUID], on day: CivilDay, tenantID: UUID, on db: any Database) async throws -> Set<UUID> {
        guard !households.isEmpty else { return [] }
        let rows = try await db.sql.raw("""
            SELECT household_id, birth_date FROM residents WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(binds: households))
            """).all()
        return Set(try rows.compactMap { row in
            guard let birth = CivilDay(try row.decode(column: "birth_date", as: String.self)), ErasurePolicy.isMinor(bornOn: birth, on: day) else { return nil }
            return try row.decode(column: "household_id", as: UUID.self)
        })
    }

    /// Which of `households` are under a legal hold that was not lifted.
    static func held(_ households: [UUID], tenantID: UUID, on db: any Database) async throws -> Set<UUID> {
        guard !households.isEmpty else { return [] }
        let rows = try await db.sql.raw("""
            SELECT household_id FROM legal_holds WHERE tenant_id = \(bind: tenantID) AND lifted_at IS NULL AND household_id IN (\(binds: households))
            """).all()
        return Set(try rows.map { try $0.decode(column: "household_id", as: UUID.self) })
    }
}
