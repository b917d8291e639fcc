import Domain
import Fluent
import Foundation
import SQLKit

/// An organisation on the team around a household, for some life domains.
final class Involvement: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "involvements"
    static let tenantKey: KeyPath<Involvement, FieldProperty<Involvement, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "organization_id") var organizationID: UUID
    /// Life domains, comma-separated raw values (stored as text on both databases).
    @Field(key: "domains") var domains: String
    @Field(key: "is_coordinator") var isCoordinator: Bool
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    /// The organisation's professional for this household (their worklist); nil: the whole organisation.
    @OptionalField(key: "contact_user_id") var contactUserID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $householdID, $organizationID, $domains, $isCoordinator, $startsOn, $endsOn,
            $contactUserID, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(tenantID: UUID, householdID: UUID, organizationID: UUID, domains: Set<LifeDomain>, isCoordinator: Bool, startsOn: String, contactUserID: UUID? = nil) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.organizationID = organizationID
        self.domains = LifeDomain.encode(domains)
        self.isCoordinator = isCoordinator
        self.startsOn = startsOn
        self.contactUserID = contactUserID
    }

    var lifeDomains: Set<LifeDomain> { LifeDomain.decode(domains) }

    /// Active on `day` (yyyy-MM-dd): started, and not yet ended.
    func isActive(on day: String) -> Bool {
        Self.isActive(startsOn: startsOn, endsOn: endsOn, on: day)
    }

    /// The days it counts. The row's `ends_on` is the first day it no longer
    /// does (ending it today takes access away today), read only here.
    static func period(startsOn: String, endsOn: String?) -> DayRange? {
        CivilDay(startsOn).map { DayRange(first: $0, endingBefore: endsOn.flatMap(CivilDay.init)) }
    }

    static func isActive(startsOn: String, endsOn: String?, on day: String) -> Bool {
        guard let day = CivilDay(day) else { return false }
        return period(startsOn: startsOn, endsOn: endsOn)?.contains(day) ?? false
    }

    /// `isActive(on:)` as a SQL condition on the involvements row `i`, for
    /// queries that page (a test keeps the two alike).
    static func activeCondition(on day: String) -> SQLQueryString {
        "i.starts_on <= \(bind: day) AND (i.ends_on IS NULL OR \(bind: day) < i.ends_on)"
    }
}

extension LifeDomain {
    static func encode(_ domains: Set<LifeDomain>) -> String {
        LifeDomain.allCases.filter(domains.contains).map(\.rawValue).joined(separator: ",")
    }

    static func decode(_ text: String) -> Set<LifeDomain> {
        Set(text.split(separator: ",").compactMap { LifeDomain(rawValue: String($0)) })
    }

    /// Rows with `household_id` and `domains` columns, as the union of the domains per household.
    static func byHousehold(_ rows: [any SQLRow]) throws -> [UUID: Set<LifeDomain>] {
        try rows.reduce(into: [:]) { domains, row in
            domains[try row.decode(column: "household_id", as: UUID.self), default: []].formUnion(decode(try row.decode(column: "domains", as: String.self)))
        }
    }
}
