import Fluent
import Foundation

/// A signed version of the household's plan: a snapshot of its goals and
/// actions as they were when the resident signed.
final class PlanVersion: Model, TenantOwned, @unchecked Sendable {
    static let schema = "plan_versions"
    static let tenantKey: KeyPath<PlanVersion, FieldProperty<PlanVersion, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "snapshot") var snapshot: String
    @Field(key: "signed_by_resident_id") var signedByResidentID: UUID
    @Field(key: "method") var method: String
    @Field(key: "signed_at") var signedAt: Date

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $householdID, $number, $snapshot, $signedByResidentID, $method, $signedAt] }

    init() {}

    init(tenantID: UUID, householdID: UUID, number: Int, snapshot: String, signedBy: UUID, method: String, signedAt: Date) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.number = number
        self.snapshot = snapshot
        self.signedByResidentID = signedBy
        self.method = method
        self.signedAt = signedAt
    }
}
