import Fluent
import Foundation

/// A one-time code the coordinator hands to a resident, with which the
/// resident creates their portal account. Stored as a keyed hash.
final class PortalActivation: Model, TenantOwned, @unchecked Sendable {
    static let schema = "portal_activations"
    static let tenantKey: KeyPath<PortalActivation, FieldProperty<PortalActivation, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "resident_id") var residentID: UUID
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $residentID, $codeHash, $expiresAt, $usedAt] }

    init() {}

    init(tenantID: UUID, residentID: UUID, codeHash: String, expiresAt: Date) {
        self.tenantID = tenantID
        self.residentID = residentID
        self.codeHash = codeHash
        self.expiresAt = expiresAt
    }
}
