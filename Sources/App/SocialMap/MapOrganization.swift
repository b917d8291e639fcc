import Fluent
import Foundation

/// A provider on the social map (HSDS organization): formal or informal. It
/// may be linked to a Samenspel organisation, whose editors then maintain its
/// services and whose professionals receive its referrals.
final class MapOrganization: Model, TenantOwned, @unchecked Sendable {
    static let schema = "map_organizations"
    static let tenantKey: KeyPath<MapOrganization, FieldProperty<MapOrganization, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "website") var website: String?
    /// A volunteer organisation or citizen initiative rather than a professional provider.
    @Field(key: "informal") var informal: Bool
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $name, $description, $email, $website, $informal, $organizationID, $version,
            $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, name: String, description: String, informal: Bool = false, organizationID: UUID? = nil) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.description = description
        self.informal = informal
        self.organizationID = organizationID
        self.version = 1
    }
}
