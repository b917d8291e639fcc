import Domain
import Fluent
import Foundation

/// A municipal department or partner organisation within a tenant.
final class Organization: Model, TenantOwned, @unchecked Sendable {
    static let schema = "organizations"
    static let tenantKey: KeyPath<Organization, FieldProperty<Organization, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "kvk_number") var kvkNumber: String?
    /// Where the organisation hears of referrals sent to it.
    @OptionalField(key: "intake_email") var intakeEmail: String?
    /// Part of the municipality itself: works on its legal task without the
    /// resident's consent. Every other organisation is a partner (DESIGN.md §3.4).
    @Field(key: "part_of_municipality") var partOfMunicipality: Bool
    /// The tenant admin designated it to triage and follow up early signals (issue 23).
    @OptionalField(key: "handles_signals") var handlesSignals: Bool?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $name, $kind, $kvkNumber, $intakeEmail, $partOfMunicipality, $handlesSignals, $version, $createdAt, $updatedAt] }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, name: String, kind: OrganizationKind, kvkNumber: String? = nil) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.kind = kind.rawValue
        self.kvkNumber = kvkNumber
        self.partOfMunicipality = kind.isMunicipal
        self.version = 1
    }

    var organizationKind: OrganizationKind? { OrganizationKind(rawValue: kind) }
}
