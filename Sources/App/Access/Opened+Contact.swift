import Domain
import Fluent
import Foundation

/// How to reach the people around a household. The team sees every member's
/// contact details with their identity; a volunteer sees only those of the
/// members who chose to share them with volunteers (DESIGN.md §3.6), and who
/// coordinates, so they always know whom to call.
extension ResidentAccess.Opened {
    /// Members whose contact details this viewer may read: all who may know who lives
    /// there, or for a volunteer on an assigned step, those who shared them.
    func reachableMembers(on db: any Database) async throws -> [Resident] {
        if allows(.identity) { return try await members(on: db) }
        guard allows(.assignedAction) else { return [] }
        return try await Resident.select(in: tenantID, where: "household_id = \(bind: householdID) AND contact_for_volunteers = \(bind: true)",
                                         orderBy: "birth_date, id", on: db)
    }

    /// The coordinating organisation and its contact person: whom to ask, for anyone
    /// who may act for this household (not the rest of the team).
    func coordinator(on db: any Database) async throws -> Involvement? {
        guard allows(.identity) || allows(.assignedAction) else { return nil }
        let today = Day.today()
        return try await Involvement.select(in: tenantID, where: "household_id = \(bind: householdID) AND is_coordinator = \(bind: true)",
                                            orderBy: "starts_on, id", on: db).first { $0.isActive(on: today) }
    }

    /// The life domain of a step assigned to this volunteer: where their report on it is filed.
    func domain(ofAssigned action: PlanAction, on db: any Database) async throws -> LifeDomain? {
        guard allows(.assignedAction), action.householdID == householdID else { return nil }
        return try await Goal.select(in: tenantID, where: "id = \(bind: action.goalID) AND household_id = \(bind: householdID)", limit: 1, on: db).first?.lifeDomain
    }
}
