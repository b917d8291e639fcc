import Domain
import Fluent
import Foundation

/// Opening a household through one of its rows, when the request names the
/// row: its life domain decides which scope is asked. An id that is not a
/// row of that household is logged as a refusal and answered 404.
extension ResidentAccess {
    /// The goal `goalID` of household `householdID`, to read it or (`writing`)
    /// to change it or what hangs from it.
    func openGoal(_ goalID: UUID?, of householdID: UUID?, writing: Bool, event: String) async throws -> (Opened, Goal) {
        guard let goal = try await goalID.asyncFlatMap({ try await Goal.scoped(to: actor.tenantID, on: req.db).filter(\.$id == $0).first() }),
              goal.householdID == householdID, let domain = goal.lifeDomain else {
            _ = try await open(householdID, .identity, event: event)
            throw AppError.notFound
        }
        return (try await open(householdID, writing ? .write(domain) : .read(.detail(domain)), event: event), goal)
    }
}
