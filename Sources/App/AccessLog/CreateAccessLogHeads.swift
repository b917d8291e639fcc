import Fluent

struct CreateAccessLogHeads: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AccessLogHead.schema)
            .id()
            .field("chain", .string, .required)
            .field("sequence", .int, .required)
            .field("hash", .string, .required)
            .unique(on: "chain")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AccessLogHead.schema).delete()
    }
}
