import Domain
import Fluent
import SQLKit
import Vapor

/// The worklist's reads. Plain SQL with only the columns the page shows:
/// the worklist reads hundreds of rows, and Fluent builds and decodes every
/// column of every model. Each query binds the tenant.
enum Worklist {
    struct Household { let id: UUID; let name: String; let reviewOn: String? }

    /// The households on my worklist, by name: those I am the contact for.
    /// My organisation's households without a contact are counted apart
    /// (`HouseholdList.unassignedCount`): a partner that never assigns one
    /// can work with thousands, which no worklist can show.
    static func caseload(userID: UUID, tenantID: UUID, today: String, on db: any Database) async throws -> [Household] {
        let rows = try await db.sql.raw("""
            SELECT h.id, h.name, h.review_on, i.starts_on, i.ends_on FROM involvements i
            JOIN households h ON h.id = i.household_id AND h.tenant_id = i.tenant_id
            WHERE i.tenant_id = \(bind: tenantID) AND i.contact_user_id = \(bind: userID)
            """).all()
        var households: [UUID: Household] = [:]
        for row in rows where Involvement.isActive(startsOn: try row.decode(column: "starts_on", as: String.self),
                                                   endsOn: try row.decode(column: "ends_on", as: String?.self), on: today) {
            let id = try row.decode(column: "id", as: UUID.self)
            households[id] = Household(id: id, name: try row.decode(column: "name", as: String.self), reviewOn: try row.decode(column: "review_on", as: String?.self))
        }
        return households.values.sorted { $0.name != $1.name ? $0.name < $1.name : $0.id.canonicalText < $1.id.canonicalText }
    }

    /// Open actions due by `until` (overdue ones included), soonest first,
    /// under goals in a domain the professional may see in that household.
    static func actionsDue(names: [UUID: String], contexts: [UUID: AccessContext], tenantID: UUID, until: String, on db: any Database) async throws -> [WorklistPage.Action] {
        guard !names.isEmpty else { return [] }
        let rows = try await db.sql.raw("""
            SELECT a.description, a.household_id, a.goal_id, a.due_on, g.domain FROM plan_actions a
            JOIN goals g ON g.id = a.goal_id AND g.tenant_id = a.tenant_id
            WHERE a.tenant_id = \(bind: tenantID) AND a.household_id IN (\(binds: Array(names.keys)))
              AND a.status IN (\(binds: [ActionStatus.open.rawValue, ActionStatus.inProgress.rawValue]))
              AND a.due_on IS NOT NULL AND a.due_on <= \(bind: until)
            ORDER BY a.due_on, a.id
            """).all()
        return try rows.compactMap { row in
            let householdID = try row.decode(column: "household_id", as: UUID.self)
            guard let domain = LifeDomain(rawValue: try row.decode(column: "domain", as: String.self)), let context = contexts[householdID],
                  AccessPolicy.decide(context, .detail(domain)).isAllowed else { return nil }
            return .init(description: try row.decode(column: "description", as: String.self), household: names[householdID] ?? "",
                         due: try row.decode(column: "due_on", as: String.self),
                         href: SiteRoute.goal.path(householdID, try row.decode(column: "goal_id", as: UUID.self)))
        }
    }
}
