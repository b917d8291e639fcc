import Domain
import Fluent
import Foundation

/// What a resident wants to reach in one life domain, in their own words.
/// Goals hang off the household's one plan.
final class Goal: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "goals"
    static let tenantKey: KeyPath<Goal, FieldProperty<Goal, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "domain") var domain: String
    @Field(key: "title") var title: String
    @OptionalField(key: "target") var target: String?
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $householdID, $domain, $title, $target, $status, $version, $createdAt, $updatedAt] }

    init() {}

    init(tenantID: UUID, householdID: UUID, domain: LifeDomain, title: String, target: String?) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.domain = domain.rawValue
        self.title = title
        self.target = target
        self.status = GoalStatus.open.rawValue
        self.version = 1
    }

    var lifeDomain: LifeDomain? { LifeDomain(rawValue: domain) }
}

enum GoalStatus: String, CaseIterable, Codable, Sendable {
    case open, achieved, partlyAchieved = "partly_achieved", notAchieved = "not_achieved", dropped
}
