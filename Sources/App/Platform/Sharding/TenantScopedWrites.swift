import FluentKit
import Foundation

/// Fluent saves and deletes a model by its id alone. For a tenant's row
/// this middleware adds the tenant to that statement, so the write can be
/// routed to the one shard that holds the tenant (issue 27) and uses the
/// (`tenant_id`, `id`) primary key.
struct TenantScopedWrites: AnyModelMiddleware {
    func handle(_ event: ModelEvent, _ model: any AnyModel, on db: any Database, chainingTo next: any AnyModelResponder) -> EventLoopFuture<Void> {
        guard let owned = model as? any TenantOwned else { return next.handle(event, model, on: db) }
        if case .create = event { return next.handle(event, model, on: db) }
        return next.handle(event, model, on: TenantFilteredDatabase(base: db, schema: type(of: owned).schema, tenantID: owned.tenantID))
    }
}

/// A database that adds `tenant_id = <tenant>` to every update and delete
/// of one table, and passes everything else through unchanged.
struct TenantFilteredDatabase: Database {
    let base: any Database
    let schema: String
    let tenantID: UUID

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        var query = query
        switch query.action {
        case .update, .delete:
            if query.schema == schema { query.filters.append(.value(.path(["tenant_id"], schema: schema), .equal, .bind(tenantID))) }
        default: break
        }
        return base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.transaction { [schema, tenantID] in closure(TenantFilteredDatabase(base: $0, schema: schema, tenantID: tenantID)) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.withConnection { [schema, tenantID] in closure(TenantFilteredDatabase(base: $0, schema: schema, tenantID: tenantID)) }
    }
}
