import Fluent

struct CreateImpactAgreementTargets: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ImpactAgreementTarget.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("agreement_id", .uuid, .required)
            .field("indicator", .string, .required)
            .field("period", .string, .required)
            .field("target", .double, .required)
            .field("created_at", .datetime)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "agreement_id"], references: ImpactAgreement.schema, ["tenant_id", "id"],
                        onDelete: .cascade, name: "impact_agreement_targets_agreement")
            .unique(on: "tenant_id", "agreement_id", "indicator", "period", name: "impact_agreement_targets_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ImpactAgreementTarget.schema).delete()
    }
}
