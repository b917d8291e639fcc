import Fluent
import SQLKit

/// Whether an organisation is part of the municipality (and so needs no
/// consent on top of its legal task) is the tenant admin's call, not
/// something the kind decides: many municipalities run the social team
/// in-house, others contract it out.
struct UpdateOrganizationsAddPartOfMunicipality: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Organization.schema).field("part_of_municipality", .bool, .required, .sql(.default(false))).update()
        try await db.sql.update(Organization.schema).set("part_of_municipality", to: true)
            .where("kind", .equal, "municipal_social_services").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Organization.schema).deleteField("part_of_municipality").update()
    }
}
