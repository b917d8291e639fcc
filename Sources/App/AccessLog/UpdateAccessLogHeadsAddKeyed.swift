import Fluent

/// Whether a chain's hashes are keyed (HMAC). Chains written before the key
/// are checked once with the old unkeyed hash and then sealed with the key
/// (`AuditChainUpgrade`); new chains are keyed from their first entry.
struct UpdateAccessLogHeadsAddKeyed: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AccessLogHead.schema).field("keyed", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AccessLogHead.schema).deleteField("keyed").update()
    }
}
