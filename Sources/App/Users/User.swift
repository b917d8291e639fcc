import Domain
import Fluent
import Foundation

/// A person who logs in: resident, professional, volunteer, analyst, privacy
/// officer or administrator. Every user has a home tenant.
final class User: Model, TenantOwned, @unchecked Sendable {
    static let schema = "users"
    static let tenantKey: KeyPath<User, FieldProperty<User, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    /// nil until the invited person has chosen a password.
    @OptionalField(key: "password_hash") var passwordHash: String?
    /// Base32 TOTP secret, encrypted at rest; nil until enrolled.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @Field(key: "is_active") var isActive: Bool
    /// Manager of their organisation: reads its monitor (only with an organisation).
    @Field(key: "is_manager") var isManager: Bool
    @OptionalField(key: "locale") var locale: String?
    /// How residents and colleagues reach this professional at work (set under Account).
    @OptionalField(key: "work_phone") var workPhone: String?
    @OptionalField(key: "work_email") var workEmail: String?
    /// `MailPreference`; nil until chosen.
    @OptionalField(key: "mail_preference") var mailPreference: String?
    /// When the daily digest last looked for news.
    @OptionalField(key: "mail_digest_at") var mailDigestAt: Date?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $organizationID, $username, $displayName, $role, $passwordHash, $totpSecret,
            $isActive, $isManager, $locale, $workPhone, $workEmail, $mailPreference, $mailDigestAt, $version, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(
        id: UUID? = nil, tenantID: UUID, organizationID: UUID?, username: String,
        displayName: String, role: Role
    ) {
        self.id = id
        self.tenantID = tenantID
        self.organizationID = organizationID
        self.username = username
        self.displayName = displayName
        self.role = role.rawValue
        self.isActive = true
        self.isManager = false
        self.version = 1
    }

    var userRole: Role { Role(rawValue: role) ?? .resident }
    var hasSecondFactor: Bool { totpSecret != nil }
}
