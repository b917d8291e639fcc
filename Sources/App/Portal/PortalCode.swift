import Fluent
import Foundation

/// Which municipality an activation code belongs to. A resident types the
/// code without saying where they live, so this small directory (a keyed
/// hash and a tenant, nothing personal) is a reference table every node
/// holds; the activation itself is then read from the tenant's own shard.
final class PortalCode: Model, @unchecked Sendable {
    static let schema = "portal_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "expires_at") var expiresAt: Date

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $codeHash, $tenantID, $expiresAt] }

    init() {}

    init(codeHash: String, tenantID: UUID, expiresAt: Date) {
        self.codeHash = codeHash
        self.tenantID = tenantID
        self.expiresAt = expiresAt
    }

    /// The tenant of a code that has not expired, or nil.
    static func tenant(of codeHash: String, on db: any Database) async throws -> UUID? {
        try await query(on: db).filter(\.$codeHash == codeHash).filter(\.$expiresAt > Date()).first()?.tenantID
    }

    /// Forgets these codes, and every code that has expired.
    static func forget(_ codeHashes: [String], on db: any Database) async throws {
        try await query(on: db).group(.or) { $0.filter(\.$codeHash ~~ codeHashes).filter(\.$expiresAt < Date()) }.delete()
    }
}

struct CreatePortalCodes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(PortalCode.schema)
            .id()
            .field("code_hash", .string, .required)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .unique(on: "code_hash")
            .create()
        // Codes handed out before this table existed still work.
        for tenant in try await Tenant.query(on: db).all() {
            let tenantID = try tenant.requireID()
            for activation in try await PortalActivation.scoped(to: tenantID, on: db).filter(\.$usedAt == nil).all() {
                try await PortalCode(codeHash: activation.codeHash, tenantID: tenantID, expiresAt: activation.expiresAt).create(on: db)
            }
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PortalCode.schema).delete()
    }
}
