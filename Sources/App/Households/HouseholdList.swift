import Domain
import Fluent
import SQLKit
import Vapor

/// "My households": those the organisation is actively involved with, by
/// name, fifty a page. A district team of a large city works with thousands,
/// so the page is read with plain SQL, never the whole list; each query
/// binds the tenant.
enum HouseholdList {
    static let pageSize = 50

    struct Row: Equatable { let id: UUID; let name: String; let street: String; let city: String }

    enum Filter {
        case all
        /// Households with a member whose name contains the text, compared as
        /// Swift compares it ("öztürk" finds "Öztürk" on both databases).
        case memberName(String)
        /// Exactly these households (what a BSN lookup found).
        case households(Set<UUID>)
    }

    /// Page `number` (from 1), and whether another page follows. With
    /// `unassigned`, only households where the organisation's involvement
    /// has no contact person yet.
    static func page(_ number: Int, _ filter: Filter, unassigned: Bool = false, organizationID: UUID, tenantID: UUID, today: String, on db: any Database) async throws -> (rows: [Row], hasMore: Bool) {
        let offset = (max(1, number) - 1) * pageSize
        let mine: SQLQueryString = """
            EXISTS (SELECT 1 FROM involvements i WHERE i.tenant_id = h.tenant_id AND i.household_id = h.id
              AND \(involved(organizationID, today: today, unassigned: unassigned)))
            """
        switch filter {
        case .all, .households:
            var condition = mine
            if case .households(let ids) = filter {
                guard !ids.isEmpty else { return ([], false) }
                condition = "\(mine) AND h.id IN (\(binds: Array(ids)))"
            }
            let rows = try await db.sql.raw("""
                SELECT h.id, h.name, h.street, h.city FROM households h WHERE h.tenant_id = \(bind: tenantID) AND \(condition)
                ORDER BY h.name, h.id LIMIT \(literal: pageSize + 1) OFFSET \(literal: offset)
                """).all()
            return slice(try rows.map(row), from: 0)
        case .memberName(let text):
            let rows = try await db.sql.raw("""
                SELECT h.id, h.name, h.street, h.city, r.given_name, r.family_name FROM households h
                JOIN residents r ON r.household_id = h.id AND r.tenant_id = h.tenant_id WHERE h.tenant_id = \(bind: tenantID) AND \(mine)
                """).all()
            var found: [UUID: Row] = [:]
            for member in rows {
                let name = "\(try member.decode(column: "given_name", as: String.self)) \(try member.decode(column: "family_name", as: String.self))"
                guard name.localizedCaseInsensitiveContains(text) else { continue }
                let household = try row(member)
                found[household.id] = household
            }
            return slice(found.values.sorted { ($0.name, $0.id.canonicalText) < ($1.name, $1.id.canonicalText) }, from: offset)
        }
    }

    /// How many households the organisation works with that have no contact
    /// person yet, what the worklist shows instead of listing them all;
    /// counted up to `limit` + 1 ("more than `limit`"), so the count costs
    /// the same whether an organisation has a hundred or ten thousand.
    /// The limit applies to involvements, not to DISTINCT households: with
    /// DISTINCT, PostgreSQL walked every involvement in household order.
    static func unassignedCount(organizationID: UUID, tenantID: UUID, today: String, upTo limit: Int, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS involvements, COUNT(DISTINCT household_id) AS households FROM (SELECT i.household_id FROM involvements i
              WHERE i.tenant_id = \(bind: tenantID) AND \(involved(organizationID, today: today, unassigned: true)) LIMIT \(literal: limit + 1)) unassigned
            """).first()
        guard let row else { return 0 }
        return try row.decode(column: "involvements", as: Int.self) > limit ? limit + 1 : row.decode(column: "households", as: Int.self)
    }

    /// The organisation's active involvement `i`, optionally only one without a contact.
    private static func involved(_ organizationID: UUID, today: String, unassigned: Bool) -> SQLQueryString {
        let condition: SQLQueryString = "i.organization_id = \(bind: organizationID) AND \(Involvement.activeCondition(on: today))"
        return unassigned ? condition + " AND i.contact_user_id IS NULL" : condition
    }

    private static func row(_ row: any SQLRow) throws -> Row {
        Row(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            street: try row.decode(column: "street", as: String.self), city: try row.decode(column: "city", as: String.self))
    }

    private static func slice(_ rows: [Row], from offset: Int) -> (rows: [Row], hasMore: Bool) {
        let rest = rows.dropFirst(offset)
        return (Array(rest.prefix(pageSize)), rest.count > pageSize)
    }
}
