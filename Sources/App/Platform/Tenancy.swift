import Fluent
import Vapor

/// A row that belongs to one tenant. All such rows are read through
/// `scoped(to:on:)` / `find(_:in:on:)`, so another tenant's data never
/// appears: it does not exist for you (DESIGN.md §3.1).
protocol TenantOwned: Model where IDValue == UUID {
    var tenantID: UUID { get }
    static var tenantKey: KeyPath<Self, FieldProperty<Self, UUID>> { get }
}

extension TenantOwned {
    static func scoped(to tenantID: UUID, on db: any Database) -> QueryBuilder<Self> {
        query(on: db).filter(tenantKey == tenantID)
    }

    /// The row with this id in this tenant, or a 404.
    static func find(_ id: UUID?, in tenantID: UUID, on db: any Database) async throws -> Self {
        guard let id, let row = try await scoped(to: tenantID, on: db).filter(\._$id == id).first() else {
            throw Abort(.notFound)
        }
        return row
    }
}
