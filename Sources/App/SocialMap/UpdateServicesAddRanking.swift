import Fluent
import Foundation
import SQLKit

/// The social map is ranked and paged by the database, not in memory: a
/// search read and ranked every match before it showed 25, which grew with
/// the map. Each service keeps its lower-cased name (for the text match) and
/// its standing key (`ServiceRanking.standingKey`); the index gives the
/// unfiltered map its first page without sorting the rest.
struct UpdateServicesAddRanking: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await db.schema(Service.schema).field("name_text", .string, .required, .sql(.default(""))).update()
        try await db.schema(Service.schema).field("rank_key", .data, .required, .sql(.default(""))).update()
        try await fill(on: db)
        try await db.createIndex("services_tenant_status_rank", on: Service.schema, "tenant_id", "status", "rank_key")
    }

    func revert(on db: any Database) async throws {
        try await db.dropIndex("services_tenant_status_rank")
        try await db.schema(Service.schema).deleteField("rank_key").update()
        try await db.schema(Service.schema).deleteField("name_text").update()
    }

    /// The two columns of the services that were there before, tenant by
    /// tenant. Plain SQL with the columns of this moment: the model may gain
    /// columns later.
    private func fill(on db: any Database) async throws {
        for tenant in try await db.sql.raw("SELECT id FROM tenants").all() {
            try await fill(tenantID: try tenant.decode(column: "id", as: UUID.self), on: db)
        }
    }

    private func fill(tenantID: UUID, on db: any Database) async throws {
        let providers = try await db.sql.raw("SELECT id, name FROM map_organizations WHERE tenant_id = \(bind: tenantID)").all()
        let names = Dictionary(try providers.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) },
                               uniquingKeysWith: { first, _ in first })
        let rows = try await db.sql.raw("""
            SELECT id, map_organization_id, name, description, eligibility_description, capacity, expected_wait_weeks, accepts_referrals
            FROM services WHERE tenant_id = \(bind: tenantID)
            """).all()
        for row in rows {
            let service = Service(id: try row.decode(column: "id", as: UUID.self), tenantID: tenantID,
                                  mapOrganizationID: try row.decode(column: "map_organization_id", as: UUID.self),
                                  name: try row.decode(column: "name", as: String.self), description: try row.decode(column: "description", as: String.self))
            service.eligibilityDescription = try row.decode(column: "eligibility_description", as: String.self)
            service.capacity = try row.decode(column: "capacity", as: String.self)
            service.expectedWaitWeeks = try row.decode(column: "expected_wait_weeks", as: Int?.self)
            service.acceptsReferrals = try row.decode(column: "accepts_referrals", as: Bool.self)
            service.refreshSearchColumns(providerName: names[service.mapOrganizationID] ?? "")
            try await db.sql.update(Service.schema)
                .set("name_text", to: service.nameText).set("rank_key", to: service.rankKey)
                .where("tenant_id", .equal, tenantID).where("id", .equal, service.id).run()
        }
    }
}
