import Fluent
import SQLKit
import Foundation
import Vapor

extension Organization {
    /// Every organisation's name in a tenant, by id: for labels in lists.
    static func names(in tenantID: UUID, on db: any Database) async throws -> [UUID: String] {
        let rows = try await db.sql.raw("SELECT id, name FROM organizations WHERE tenant_id = \(bind: tenantID)").all()
        return Dictionary(try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) },
                          uniquingKeysWith: { first, _ in first })
    }

    /// Whether the organisation is part of the municipality (no consent
    /// needed, DESIGN.md §3.4); a 404 when it is not in the tenant.
    static func isMunicipal(_ id: UUID, in tenantID: UUID, on db: any Database) async throws -> Bool {
        guard let row = try await db.sql.raw("""
            SELECT part_of_municipality FROM organizations WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id)
            """).first() else { throw Abort(.notFound) }
        return try row.decode(column: "part_of_municipality", as: Bool.self)
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
