import Foundation
import Fluent
import SQLKit

/// Optimistic concurrency: an update only lands when the row still has the
/// version the editor started from. The check and the write are one
/// statement, so two editors can never both win.
extension SQLDatabase {
    /// Returns false when someone else saved first (nothing is written then).
    func updateVersioned(
        _ table: String, id: UUID, in tenantID: UUID, expectedVersion: Int,
        _ assign: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws -> Bool {
        let builder = assign(update(table))
            .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
            .set("updated_at", to: Date())
            .where("tenant_id", .equal, tenantID)
            .where("id", .equal, id)
            .where("version", .equal, expectedVersion)
            .returning("version")
        return try await builder.first() != nil
    }
}

extension Database {
    /// This database for hand-written SQL; each statement a span when tracing is on.
    var sql: any SQLDatabase {
        let base = self as! any SQLDatabase
        return Observability.tracesSQL.load(ordering: .relaxed) ? TracedSQLDatabase(base: base) : base
    }
}

/// One-time tokens (password links, activation codes): spending one is one
/// conditional update, so of several requests racing with the same token
/// exactly one wins.
extension SQLDatabase {
    /// Sets `column` to now on row `id` of the tenant when it is still empty; false when another request spent it first.
    func spendOnce(_ table: String, id: UUID, in tenantID: UUID, column: String = "used_at") async throws -> Bool {
        try await update(table)
            .set(SQLIdentifier(column), to: SQLBind(Date()))
            .where("tenant_id", .equal, tenantID)
            .where("id", .equal, id)
            .where(SQLIdentifier(column), .is, SQLLiteral.null)
            .returning("id")
            .first() != nil
    }
}

/// Thrown inside a transaction when a one-time token was spent by a request
/// that came first, so everything the transaction wrote is rolled back.
struct AlreadySpent: Error {}
