import Fluent
import SQLKit

struct CreateAssessmentScores: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AssessmentScore.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("assessment_id", .uuid, .required, .references(Assessment.schema, .id, onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("domain", .string, .required)
            .field("score", .int, .required)
            .unique(on: "assessment_id", "item_id")
            .create()
        try await (db as! any SQLDatabase).create(index: "assessment_scores_tenant_domain")
            .on(AssessmentScore.schema).column("tenant_id").column("domain")
            .run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AssessmentScore.schema).delete()
    }
}
