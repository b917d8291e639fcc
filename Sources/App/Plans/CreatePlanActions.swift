import Fluent

struct CreatePlanActions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(PlanAction.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("goal_id", .uuid, .required, .references(Goal.schema, .id, onDelete: .cascade))
            .field("description", .string, .required)
            .field("owner_kind", .string, .required)
            .field("owner_user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("owner_organization_id", .uuid, .references(Organization.schema, .id, onDelete: .setNull))
            .field("owner_name", .string)
            .field("due_on", .string)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PlanAction.schema).delete()
    }
}
