import Fluent

/// Phones, weekly schedules, contacts and service areas of the social map.
struct CreateMapContactDetails: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MapPhone.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("map_organization_id", .uuid, .references(MapOrganization.schema, .id, onDelete: .cascade))
            .field("service_id", .uuid, .references(Service.schema, .id, onDelete: .cascade))
            .field("location_id", .uuid, .references(MapLocation.schema, .id, onDelete: .cascade))
            .field("number", .string, .required)
            .field("description", .string, .required)
            .create()
        try await db.createIndex("map_phones_tenant_service", on: MapPhone.schema, "tenant_id", "service_id")

        try await db.schema(MapSchedule.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("service_id", .uuid, .references(Service.schema, .id, onDelete: .cascade))
            .field("location_id", .uuid, .references(MapLocation.schema, .id, onDelete: .cascade))
            .field("weekday", .string, .required)
            .field("opens_at", .string, .required)
            .field("closes_at", .string, .required)
            .field("description", .string, .required)
            .create()
        try await db.createIndex("map_schedules_tenant_weekday", on: MapSchedule.schema, "tenant_id", "weekday")

        try await db.schema(MapContact.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("map_organization_id", .uuid, .references(MapOrganization.schema, .id, onDelete: .cascade))
            .field("service_id", .uuid, .references(Service.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("title", .string, .required)
            .field("email", .string)
            .field("phone", .string)
            .create()
        try await db.createIndex("map_contacts_tenant_service", on: MapContact.schema, "tenant_id", "service_id")

        try await db.schema(ServiceAreaRow.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("extent_type", .string, .required)
            .field("extent", .string, .required)
            .field("name", .string, .required)
            .unique(on: "service_id", "extent_type", "extent")
            .create()
        try await db.createIndex("service_areas_tenant_extent", on: ServiceAreaRow.schema, "tenant_id", "extent")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ServiceAreaRow.schema).delete()
        try await db.schema(MapContact.schema).delete()
        try await db.schema(MapSchedule.schema).delete()
        try await db.schema(MapPhone.schema).delete()
    }
}
