import Fluent
import Foundation
import Vapor

extension Organization {
    /// Every organisation's name in a tenant, by id: for labels in lists.
    static func names(in tenantID: UUID, on db: any Database) async throws -> [UUID: String] {
        let organizations = try await scoped(to: tenantID, on: db).all()
        return Dictionary(organizations.compactMap { org in org.id.map { ($0, org.name) } }, uniquingKeysWith: { first, _ in first })
    }
}

extension Request {
    /// `Organization.names`, read once per request: one page asks for them in
    /// several of its parts (team, consents, timeline).
    func organizationNames(in tenantID: UUID) async throws -> [UUID: String] {
        if let cached = storage[OrganizationNamesKey.self], cached.tenantID == tenantID { return cached.names }
        let names = try await Organization.names(in: tenantID, on: db)
        storage[OrganizationNamesKey.self] = (tenantID, names)
        return names
    }
}

private enum OrganizationNamesKey: StorageKey {
    typealias Value = (tenantID: UUID, names: [UUID: String])
}
