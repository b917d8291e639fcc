import Domain
import Fluent
import Foundation

/// Someone who may act for a resident: a financial administrator
/// (bewindvoerder), mentor, curator, or the parent of a minor.
final class Representation: Model, TenantOwned, @unchecked Sendable {
    static let schema = "representations"
    static let tenantKey: KeyPath<Representation, FieldProperty<Representation, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "resident_id") var residentID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $householdID, $residentID, $userID, $kind, $validFrom, $validTo, $createdAt] }

    init() {}

    init(tenantID: UUID, householdID: UUID, residentID: UUID, userID: UUID, kind: RepresentationKind, validFrom: String) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.residentID = residentID
        self.userID = userID
        self.kind = kind.rawValue
        self.validFrom = validFrom
    }

    func isActive(on day: String) -> Bool {
        guard let first = CivilDay(validFrom), let day = CivilDay(day) else { return false }
        return DayRange(first: first, last: validTo.flatMap(CivilDay.init))?.contains(day) ?? false
    }
}

enum RepresentationKind: String, CaseIterable, Codable, Sendable {
    case financialAdministrator = "bewindvoerder"
    case mentor
    case curator
    case parent
}
