import Fluent
import FluentSQL
import SQLKit
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
        guard let id, let row = try await select(in: tenantID, where: "id = \(bind: id)", limit: 1, on: db).first else {
            throw Abort(.notFound)
        }
        return row
    }

    /// This tenant's rows where `condition` holds, as models, read with one
    /// hand-written statement. For the hot pages: Fluent's query builder
    /// and SQL generation cost several times the query itself here.
    static func select(
        in tenantID: UUID, where condition: SQLQueryString = "1 = 1", orderBy order: SQLQueryString? = nil, limit: Int? = nil, offset: Int? = nil,
        on db: any Database
    ) async throws -> [Self] {
        var sql: SQLQueryString = "SELECT * FROM \(ident: schema) WHERE tenant_id = \(bind: tenantID) AND (\(condition))"
        if let order { sql = "\(sql) ORDER BY \(order)" }
        if let limit { sql = "\(sql) LIMIT \(literal: limit)" }
        if let offset, offset > 0 { sql = "\(sql) OFFSET \(literal: offset)" }
        return try await db.sql.raw(sql).all().map { try $0.decode(fluentModel: Self.self) }
    }
}

extension TenantOwned {
    /// The row a form chose by its id, or nil when the id is missing,
    /// malformed or belongs to another tenant.
    static func chosen(_ raw: String?, in tenantID: UUID, on db: any Database) async throws -> Self? {
        guard let id = raw.flatMap(UUID.init(uuidString:)) else { return nil }
        return try await scoped(to: tenantID, on: db).filter(\._$id == id).first()
    }
}

/// A row that belongs to one household (and so to its tenant).
protocol HouseholdOwned: TenantOwned {
    var householdID: UUID { get }
}

extension HouseholdOwned {
    /// As `chosen(_:in:on:)`, and only when it belongs to this household.
    static func chosen(_ raw: String?, in household: Household, on db: any Database) async throws -> Self? {
        try await chosen(raw, in: household.tenantID, on: db).flatMap { $0.householdID == household.id ? $0 : nil }
    }
}
