import Fluent
import Foundation

/// A place where a provider works (HSDS location, with its physical
/// address folded in: the social map needs one address per place).
final class MapLocation: Model, TenantOwned, @unchecked Sendable {
    static let schema = "map_locations"
    static let tenantKey: KeyPath<MapLocation, FieldProperty<MapLocation, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "map_organization_id") var mapOrganizationID: UUID
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @Field(key: "address_1") var address1: String
    /// "1234 AB"
    @Field(key: "postal_code") var postalCode: String
    @Field(key: "city") var city: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $mapOrganizationID, $name, $description, $address1, $postalCode, $city, $createdAt,
            $updatedAt,
        ]
    }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, mapOrganizationID: UUID, name: String, description: String = "", address1: String, postalCode: String, city: String) {
        self.id = id
        self.tenantID = tenantID
        self.mapOrganizationID = mapOrganizationID
        self.name = name
        self.description = description
        self.address1 = address1
        self.postalCode = postalCode
        self.city = city
    }
}

/// A service offered at a location (HSDS service_at_location).
final class ServiceAtLocation: Model, TenantOwned, @unchecked Sendable {
    static let schema = "service_at_locations"
    static let tenantKey: KeyPath<ServiceAtLocation, FieldProperty<ServiceAtLocation, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "location_id") var locationID: UUID

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $serviceID, $locationID] }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, serviceID: UUID, locationID: UUID) {
        self.id = id
        self.tenantID = tenantID
        self.serviceID = serviceID
        self.locationID = locationID
    }
}
