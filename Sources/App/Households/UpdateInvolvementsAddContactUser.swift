import Fluent

/// The professional of the involved organisation who is the household's
/// contact: whose worklist it is on. Unset, the whole organisation sees it.
struct UpdateInvolvementsAddContactUser: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Involvement.schema).field("contact_user_id", .uuid).update()
        try await db.createIndex("involvements_contact", on: Involvement.schema, "tenant_id", "contact_user_id")
    }

    func revert(on db: any Database) async throws {
        try await db.dropIndex("involvements_contact")
        try await db.schema(Involvement.schema).deleteField("contact_user_id").update()
    }
}
