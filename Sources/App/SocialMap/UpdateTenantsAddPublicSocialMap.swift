import Fluent
import SQLKit

/// A tenant may publish its social map: a read-only page and the HSDS API
/// without signing in. Off until the tenant admin turns it on.
struct UpdateTenantsAddPublicSocialMap: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Tenant.schema).field("public_social_map", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Tenant.schema).deleteField("public_social_map").update()
    }
}
