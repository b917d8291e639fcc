import Fluent

/// The plan's review date lives on the household: one household, one plan.
struct UpdateHouseholdsAddReviewDate: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Household.schema).field("review_on", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Household.schema).deleteField("review_on").update()
    }
}
