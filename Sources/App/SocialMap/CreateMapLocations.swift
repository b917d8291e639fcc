import Fluent

struct CreateMapLocations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MapLocation.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("map_organization_id", .uuid, .required, .references(MapOrganization.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("address_1", .string, .required)
            .field("postal_code", .string, .required)
            .field("city", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.createIndex("map_locations_tenant_organization", on: MapLocation.schema, "tenant_id", "map_organization_id")

        try await db.schema(ServiceAtLocation.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("location_id", .uuid, .required, .references(MapLocation.schema, .id, onDelete: .cascade))
            .unique(on: "service_id", "location_id")
            .create()
        try await db.createIndex("service_at_locations_tenant_location", on: ServiceAtLocation.schema, "tenant_id", "location_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ServiceAtLocation.schema).delete()
        try await db.schema(MapLocation.schema).delete()
    }
}
