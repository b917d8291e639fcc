import Fluent
import SQLKit

struct CreateAssessments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Assessment.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("resident_id", .uuid, .required, .references(Resident.schema, .id, onDelete: .cascade))
            .field("instrument_id", .string, .required)
            .field("instrument_version", .int, .required)
            .field("assessed_on", .string, .required)
            .field("source", .string, .required)
            .field("assessed_by", .uuid, .required, .references(User.schema, .id))
            .field("organization_id", .uuid, .references(Organization.schema, .id))
            .field("reason_encrypted", .string)
            .field("created_at", .datetime)
            .create()
        try await (db as! any SQLDatabase).create(index: "assessments_household_resident_day")
            .on(Assessment.schema).column("tenant_id").column("household_id").column("resident_id").column("assessed_on")
            .run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Assessment.schema).delete()
    }
}
