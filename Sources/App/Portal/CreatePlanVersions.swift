import Fluent

struct CreatePlanVersions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(PlanVersion.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("number", .int, .required)
            .field("snapshot", .string, .required)
            .field("signed_by_resident_id", .uuid, .required, .references(Resident.schema, .id, onDelete: .restrict))
            .field("method", .string, .required)
            .field("signed_at", .datetime, .required)
            .unique(on: "household_id", "number")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PlanVersion.schema).delete()
    }
}
