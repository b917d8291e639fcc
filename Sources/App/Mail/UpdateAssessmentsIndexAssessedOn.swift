import Fluent

/// The reminders look for professional assessments whose reassessment fell
/// due this week. `source` comes before the day, so the index never offers
/// itself for a household's assessments in day order (those read by household).
struct UpdateAssessmentsIndexAssessedOn: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.createIndex("assessments_source_day", on: Assessment.schema, "tenant_id", "source", "assessed_on")
    }

    func revert(on db: any Database) async throws {
        try await db.dropIndex("assessments_source_day")
    }
}
