import Fluent
import Foundation
import SQLKit

/// Which offers and which profiles name each talent (issue 24): matching
/// reads only the offers that share a talent with a profile, and the host's
/// count only the profiles that share one with its offer, through these
/// instead of reading every row of the tenant. Keyed by tenant; a row goes
/// with its offer or profile. Filled here from what exists.
struct CreateParticipationTalentIndexes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        for index in TalentIndex.allCases {
            let owner = FieldKey(stringLiteral: index.owner)
            try await db.schema(index.table)
                .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
                .field("talent", .string, .required)
                .field(owner, .uuid, .required)
                .compositeIdentifier(over: "tenant_id", "talent", owner)
                .foreignKey(["tenant_id", owner], references: index.parent, ["tenant_id", "id"], onDelete: .cascade)
                .create()
            try await db.createIndex("\(index.table)_owner", on: index.table, "tenant_id", index.owner)
            for row in try await db.sql.select().column("tenant_id").column("id").column("talents").from(index.parent).all() {
                try await index.replace(try row.decode(column: "id", as: UUID.self), talents: ParticipationProfile.codes(try row.decode(column: "talents", as: String.self)),
                                        tenantID: try row.decode(column: "tenant_id", as: UUID.self), on: db)
            }
        }
    }

    func revert(on db: any Database) async throws {
        for index in TalentIndex.allCases.reversed() { try await db.schema(index.table).delete() }
    }
}
