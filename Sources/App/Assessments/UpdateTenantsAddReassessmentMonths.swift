import Fluent

/// How many months after an assessment the worklist asks for the next one.
struct UpdateTenantsAddReassessmentMonths: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Tenant.schema).field("reassessment_months", .int).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Tenant.schema).deleteField("reassessment_months").update()
    }
}
