import Fluent
import Foundation

/// Residents living together: the unit of the plan.
final class Household: Model, TenantOwned, @unchecked Sendable {
    static let schema = "households"
    static let tenantKey: KeyPath<Household, FieldProperty<Household, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "street") var street: String
    @Field(key: "postcode") var postcode: String
    @Field(key: "city") var city: String
    @OptionalField(key: "neighbourhood_code") var neighbourhoodCode: String?
    /// When the plan is next reviewed with the resident (yyyy-MM-dd).
    @OptionalField(key: "review_on") var reviewOn: String?
    @Field(key: "version") var version: Int
    /// Set when the file was erased (retention or a resident's request).
    @OptionalField(key: "anonymised_at") var anonymisedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $name, $street, $postcode, $city, $neighbourhoodCode, $reviewOn, $version, $anonymisedAt,
            $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(tenantID: UUID, name: String, street: String, postcode: String, city: String, neighbourhoodCode: String?) {
        self.tenantID = tenantID
        self.name = name
        self.street = street
        self.postcode = postcode
        self.city = city
        self.neighbourhoodCode = neighbourhoodCode
        self.version = 1
    }
}
