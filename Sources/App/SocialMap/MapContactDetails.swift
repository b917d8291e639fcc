import Domain
import Fluent
import Foundation

/// A phone number of a provider, a service or a location (HSDS phone).
final class MapPhone: Model, TenantOwned, @unchecked Sendable {
    static let schema = "map_phones"
    static let tenantKey: KeyPath<MapPhone, FieldProperty<MapPhone, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "map_organization_id") var mapOrganizationID: UUID?
    @OptionalField(key: "service_id") var serviceID: UUID?
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "number") var number: String
    @Field(key: "description") var description: String

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $mapOrganizationID, $serviceID, $locationID, $number, $description] }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, mapOrganizationID: UUID? = nil, serviceID: UUID? = nil, locationID: UUID? = nil, number: String, description: String = "") {
        self.id = id
        self.tenantID = tenantID
        self.mapOrganizationID = mapOrganizationID
        self.serviceID = serviceID
        self.locationID = locationID
        self.number = number
        self.description = description
    }
}

/// A weekly opening of a service or a location (HSDS schedule, WEEKLY with one `byday`).
final class MapSchedule: Model, TenantOwned, @unchecked Sendable {
    static let schema = "map_schedules"
    static let tenantKey: KeyPath<MapSchedule, FieldProperty<MapSchedule, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "service_id") var serviceID: UUID?
    @OptionalField(key: "location_id") var locationID: UUID?
    /// MO … SU
    @Field(key: "weekday") var weekday: String
    /// "HH:mm", Europe/Amsterdam
    @Field(key: "opens_at") var opensAt: String
    @Field(key: "closes_at") var closesAt: String
    @Field(key: "description") var description: String

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $serviceID, $locationID, $weekday, $opensAt, $closesAt, $description] }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, serviceID: UUID? = nil, locationID: UUID? = nil, weekday: Weekday, opensAt: String, closesAt: String, description: String = "") {
        self.id = id
        self.tenantID = tenantID
        self.serviceID = serviceID
        self.locationID = locationID
        self.weekday = weekday.rawValue
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.description = description
    }

    var opening: WeeklyOpening? { Self.opening(weekday: weekday, opensAt: opensAt, closesAt: closesAt) }

    static func opening(weekday: String, opensAt: String, closesAt: String) -> WeeklyOpening? {
        guard let day = Weekday(rawValue: weekday), let opens = WeeklyOpening.minutes(opensAt), let closes = WeeklyOpening.minutes(closesAt) else { return nil }
        return WeeklyOpening(weekday: day, opensAt: opens, closesAt: closes)
    }
}

/// A named person or desk to contact at a provider or for a service (HSDS contact).
final class MapContact: Model, TenantOwned, @unchecked Sendable {
    static let schema = "map_contacts"
    static let tenantKey: KeyPath<MapContact, FieldProperty<MapContact, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "map_organization_id") var mapOrganizationID: UUID?
    @OptionalField(key: "service_id") var serviceID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "title") var title: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $mapOrganizationID, $serviceID, $name, $title, $email, $phone] }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, mapOrganizationID: UUID? = nil, serviceID: UUID? = nil, name: String, title: String = "", email: String? = nil, phone: String? = nil) {
        self.id = id
        self.tenantID = tenantID
        self.mapOrganizationID = mapOrganizationID
        self.serviceID = serviceID
        self.name = name
        self.title = title
        self.email = email
        self.phone = phone
    }
}

/// An area a service works in (HSDS service_area): a PC4 postcode area or a
/// CBS neighbourhood code. No areas: the whole tenant.
final class ServiceAreaRow: Model, TenantOwned, @unchecked Sendable {
    static let schema = "service_areas"
    static let tenantKey: KeyPath<ServiceAreaRow, FieldProperty<ServiceAreaRow, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "service_id") var serviceID: UUID
    /// `AreaCode.postcodeType` or `.neighbourhoodType`
    @Field(key: "extent_type") var extentType: String
    @Field(key: "extent") var extent: String
    @Field(key: "name") var name: String

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $serviceID, $extentType, $extent, $name] }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, serviceID: UUID, area: AreaCode, name: String = "") {
        self.id = id
        self.tenantID = tenantID
        self.serviceID = serviceID
        self.extentType = area.type
        self.extent = area.code
        self.name = name
    }

    var area: AreaCode? { AreaCode(type: extentType, extent: extent) }
}
