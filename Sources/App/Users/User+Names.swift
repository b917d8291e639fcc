import Fluent
import Foundation

extension User {
    /// Display names of these users in a tenant, by id, in one query.
    static func displayNames(of ids: [UUID], in tenantID: UUID, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let users = try await scoped(to: tenantID, on: db).filter(\.$id ~~ Set(ids)).all()
        return Dictionary(users.compactMap { user in user.id.map { ($0, user.displayName) } }, uniquingKeysWith: { first, _ in first })
    }
}
