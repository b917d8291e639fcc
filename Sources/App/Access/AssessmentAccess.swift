import Domain
import Fluent
import Vapor

extension ResidentAccess {
    /// Opens the household to record scores in every domain an assessment
    /// touches (a professional writes in their domains; a resident takes part
    /// through the portal), logging each decision; the first domain refused
    /// ends it with 403 (404 for another tenant). Returns the basis to log the change on.
    func openDomains(_ householdID: UUID?, _ domains: [LifeDomain], event: String) async throws -> (Opened, AccessBasis) {
        var opened: Opened?
        var basis: AccessBasis = .none
        for domain in domains {
            let action: AccessAction = actor.role == .resident ? .participate : .write(domain)
            let next = try await open(householdID, action, event: event)
            if opened == nil { basis = next.basis }
            opened = next
        }
        guard let opened else { return (try await open(householdID, .identity, event: event), basis) }
        return (opened, basis)
    }
}

extension ResidentAccess.Opened {
    /// A member of the opened household, by the id in the path or form; 404 otherwise.
    func requireMember(_ raw: String?, on db: any Database) async throws -> Resident {
        guard let resident = try await member(raw, on: db) else { throw AppError.notFound }
        return resident
    }
}
