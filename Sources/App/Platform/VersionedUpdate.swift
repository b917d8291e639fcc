import Foundation
import Fluent
import SQLKit

/// Optimistic concurrency: an update only lands when the row still has the
/// version the editor started from. The check and the write are one
/// statement, so two editors can never both win.
extension SQLDatabase {
    /// Returns false when someone else saved first (nothing is written then).
    func updateVersioned(
        _ table: String, id: UUID, expectedVersion: Int,
        _ assign: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws -> Bool {
        let builder = assign(update(table))
            .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
            .set("updated_at", to: Date())
            .where("id", .equal, id)
            .where("version", .equal, expectedVersion)
            .returning("version")
        return try await builder.first() != nil
    }
}

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
}
