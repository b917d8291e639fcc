import Fluent
import Foundation

extension Organization {
    /// Every organisation's name in a tenant, by id: for labels in lists.
    static func names(in tenantID: UUID, on db: any Database) async throws -> [UUID: String] {
        let organizations = try await scoped(to: tenantID, on: db).all()
        return Dictionary(organizations.compactMap { org in org.id.map { ($0, org.name) } }, uniquingKeysWith: { first, _ in first })
    }
}
