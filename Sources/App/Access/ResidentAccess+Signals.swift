import Domain
import Fluent
import Foundation
import SQLKit

extension ResidentAccess {
    /// For triage (issue 23): of these BSN lookups, those of a resident
    /// already known to Samenspel, each with the organisation that
    /// coordinates the household (empty when none does) — nothing of its plan
    /// or any domain. The caller logs the look.
    func knownHouseholds(bsnLookups: [String]) async throws -> [String: String] {
        guard !bsnLookups.isEmpty else { return [:] }
        let today = Day.today()
        let rows = try await context.db.sql.raw("""
            SELECT r.bsn_lookup, i.organization_id, i.is_coordinator, i.starts_on, i.ends_on FROM residents r
            LEFT JOIN involvements i ON i.tenant_id = r.tenant_id AND i.household_id = r.household_id AND i.is_coordinator = \(bind: true)
            WHERE r.tenant_id = \(bind: actor.tenantID) AND r.bsn_lookup IN (\(binds: bsnLookups))
            """).all()
        let names = try await context.organizationNames(in: actor.tenantID)
        var known: [String: String] = [:]
        for row in rows {
            let lookup = try row.decode(column: "bsn_lookup", as: String.self)
            var coordinator = known[lookup] ?? ""
            if let organization = try row.decode(column: "organization_id", as: UUID?.self),
               Involvement.isActive(startsOn: try row.decode(column: "starts_on", as: String?.self) ?? "", endsOn: try row.decode(column: "ends_on", as: String?.self), on: today) {
                coordinator = names[organization] ?? coordinator
            }
            known[lookup] = coordinator
        }
        return known
    }

    /// The household a case's people already belong to, found by the BSN a
    /// partner sent; nil when none is known. Only its id: whoever asks still
    /// opens nothing of it.
    func household(ofCase caseID: UUID) async throws -> UUID? {
        try await context.db.sql.raw("""
            SELECT r.household_id FROM signals s
            JOIN residents r ON r.tenant_id = s.tenant_id AND r.bsn_lookup = s.bsn_lookup
            WHERE s.tenant_id = \(bind: actor.tenantID) AND s.case_id = \(bind: caseID) AND s.bsn_lookup IS NOT NULL
            ORDER BY s.signalled_on LIMIT 1
            """).first()?.decode(column: "household_id", as: UUID.self)
    }

    /// The neighbourhood of a postcode as the tenant's households there have
    /// it: how a signal's case is placed for the monitor. Only the code is read.
    static func neighbourhood(ofPostcode postcode: String, tenantID: UUID, on db: any Database) async throws -> String? {
        let compact = postcode.filter { !$0.isWhitespace }
        let spaced = compact.count == 6 ? compact.prefix(4) + " " + compact.suffix(2) : compact
        return try await db.sql.raw("""
            SELECT neighbourhood_code FROM households WHERE tenant_id = \(bind: tenantID) AND postcode IN (\(binds: [compact, spaced]))
            AND neighbourhood_code IS NOT NULL AND neighbourhood_code <> '' LIMIT 1
            """).first()?.decode(column: "neighbourhood_code", as: String.self)
    }
}
