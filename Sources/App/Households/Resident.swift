import Fluent
import Foundation

/// A person the platform supports. The BSN is stored only encrypted, and
/// found by a keyed HMAC; it never appears in a log.
final class Resident: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "residents"
    static let tenantKey: KeyPath<Resident, FieldProperty<Resident, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    /// yyyy-MM-dd: a calendar date, with no time zone to shift it.
    @Field(key: "birth_date") var birthDate: String
    @OptionalField(key: "bsn_encrypted") var bsnEncrypted: String?
    @OptionalField(key: "bsn_lookup") var bsnLookup: String?
    @Field(key: "relation") var relation: String
    /// Phone and e-mail, sealed like the BSN; shown to volunteers only when `contactForVolunteers`.
    @OptionalField(key: "phone_encrypted") var phoneEncrypted: String?
    @OptionalField(key: "email_encrypted") var emailEncrypted: String?
    @Field(key: "contact_for_volunteers") var contactForVolunteers: Bool
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $householdID, $givenName, $familyName, $birthDate, $bsnEncrypted, $bsnLookup,
            $relation, $phoneEncrypted, $emailEncrypted, $contactForVolunteers, $userID, $version, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(tenantID: UUID, householdID: UUID, givenName: String, familyName: String, birthDate: String, relation: HouseholdRelation) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.relation = relation.rawValue
        self.contactForVolunteers = false
        self.version = 1
    }

    var fullName: String { "\(givenName) \(familyName)" }
}

/// How a member belongs to the household.
enum HouseholdRelation: String, CaseIterable, Codable, Sendable {
    case head, partner, child, parent, other
}
