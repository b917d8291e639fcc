import Fluent

struct CreateReferrals: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Referral.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("household_id", .uuid, .required, .references(Household.schema, .id, onDelete: .cascade))
            .field("goal_id", .uuid, .required, .references(Goal.schema, .id, onDelete: .cascade))
            .field("domains", .string, .required)
            .field("requester_organization_id", .uuid, .required, .references(Organization.schema, .id, onDelete: .restrict))
            .field("requester_user_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("receiver_organization_id", .uuid, .required, .references(Organization.schema, .id, onDelete: .restrict))
            .field("service_id", .uuid, .references(Service.schema, .id, onDelete: .setNull))
            .field("message_encrypted", .string, .required)
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("sent_on", .string)
            .field("due_on", .string)
            .field("redirected_from_id", .uuid, .references(Referral.schema, .id, onDelete: .setNull))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.createIndex("referrals_receiver", on: Referral.schema, "tenant_id", "receiver_organization_id", "status")
        try await db.createIndex("referrals_requester", on: Referral.schema, "tenant_id", "requester_organization_id", "status")
        try await db.createIndex("referrals_household", on: Referral.schema, "tenant_id", "household_id")

        try await db.schema(ReferralEvent.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("referral_id", .uuid, .required, .references(Referral.schema, .id, onDelete: .cascade))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("outcome", .string)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("organization_id", .uuid, .required, .references(Organization.schema, .id, onDelete: .restrict))
            .field("occurred_at", .datetime, .required)
            .create()
        try await db.createIndex("referral_events_referral", on: ReferralEvent.schema, "referral_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ReferralEvent.schema).delete()
        try await db.schema(Referral.schema).delete()
    }
}
