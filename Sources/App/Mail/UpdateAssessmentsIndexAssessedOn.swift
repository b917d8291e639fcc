import Fluent

/// The reminders look for assessments whose reassessment fell due this week.
struct UpdateAssessmentsIndexAssessedOn: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.createIndex("assessments_assessed_on", on: Assessment.schema, "tenant_id", "assessed_on")
    }

    func revert(on db: any Database) async throws {
        try await db.dropIndex("assessments_assessed_on")
    }
}
