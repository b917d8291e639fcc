import Fluent

/// A search page reads the terms, links, opening hours and areas of the
/// services it shows, and the social map asks which providers belong to the
/// signed-in organisation. Without an index that starts with the tenant and
/// the service (or organisation), the database walked all of the tenant's
/// rows of those tables, which grow with the map (found by `QueryPlanTests`).
struct UpdateMapIndexesByService: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("map_organizations_tenant_organization", MapOrganization.schema, ["tenant_id", "organization_id"]),
        ("service_terms_tenant_service", ServiceTerm.schema, ["tenant_id", "service_id"]),
        ("service_at_locations_tenant_service", ServiceAtLocation.schema, ["tenant_id", "service_id"]),
        ("map_schedules_tenant_service", MapSchedule.schema, ["tenant_id", "service_id"]),
        ("map_schedules_tenant_location", MapSchedule.schema, ["tenant_id", "location_id"]),
        ("service_areas_tenant_service", ServiceAreaRow.schema, ["tenant_id", "service_id"]),
    ]

    func prepare(on db: any Database) async throws {
        for index in Self.indexes { try await db.createIndex(index.name, on: index.table, columns: index.columns) }
    }

    func revert(on db: any Database) async throws {
        for index in Self.indexes { try await db.dropIndex(index.name) }
    }
}
