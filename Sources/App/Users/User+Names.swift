import Fluent
import SQLKit
import Foundation

extension User {
    /// Display names of these users in a tenant, by id, in one query.
    static func displayNames(of ids: [UUID], in tenantID: UUID, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql.raw("""
            SELECT id, display_name FROM users WHERE tenant_id = \(bind: tenantID) AND id IN (\(binds: Array(Set(ids))))
            """).all()
        return Dictionary(try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "display_name", as: String.self)) },
                          uniquingKeysWith: { first, _ in first })
    }
}
