import Domain
import Fluent
import Foundation
import SQLKit

/// The tenant's `SignalRules`, one row per tenant; the defaults until the tenant admin saves others.
final class SignalSettings: Model, TenantOwned, @unchecked Sendable {
    static let schema = "signal_settings"
    static let tenantKey: KeyPath<SignalSettings, FieldProperty<SignalSettings, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "contact_working_days") var contactWorkingDays: Int
    @Field(key: "combine_days") var combineDays: Int
    @Field(key: "kept_months") var keptMonths: Int
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $contactWorkingDays, $combineDays, $keptMonths, $updatedAt] }

    init() {}

    var rules: SignalRules { SignalRules(contactWorkingDays: contactWorkingDays, combineDays: combineDays, keptMonths: keptMonths) }

    static func rules(of tenantID: UUID, on db: any Database) async throws -> SignalRules {
        try await select(in: tenantID, limit: 1, on: db).first?.rules ?? .defaults
    }

    static func save(_ rules: SignalRules, tenantID: UUID, on db: any Database) async throws {
        try await db.sql.raw("""
            INSERT INTO signal_settings (tenant_id, id, contact_working_days, combine_days, kept_months, updated_at)
            VALUES (\(bind: tenantID), \(bind: UUID()), \(bind: rules.contactWorkingDays), \(bind: rules.combineDays), \(bind: rules.keptMonths), \(bind: Date()))
            ON CONFLICT (tenant_id) DO UPDATE SET contact_working_days = excluded.contact_working_days, combine_days = excluded.combine_days,
                kept_months = excluded.kept_months, updated_at = excluded.updated_at
            """).run()
    }
}

struct CreateSignalSettings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(SignalSettings.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("contact_working_days", .int, .required)
            .field("combine_days", .int, .required)
            .field("kept_months", .int, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SignalSettings.schema).delete()
    }
}
