import Fluent
import Foundation

/// An emergency opening of a household's file by a professional who is not
/// on its team: a typed reason, a time limit, and a review by the privacy
/// officer (DESIGN.md §3.8).
final class BreakTheGlassOpening: Model, TenantOwned, @unchecked Sendable {
    static let schema = "break_the_glass_openings"
    static let tenantKey: KeyPath<BreakTheGlassOpening, FieldProperty<BreakTheGlassOpening, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "reason") var reason: String
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "reviewed_by") var reviewedBy: UUID?
    @OptionalField(key: "review_comment") var reviewComment: String?
    /// `BreakTheGlassVerdict`, once reviewed.
    @OptionalField(key: "verdict") var verdict: String?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $householdID, $userID, $reason, $openedAt, $expiresAt, $reviewedAt, $reviewedBy,
            $reviewComment, $verdict,
        ]
    }

    init() {}

    init(tenantID: UUID, householdID: UUID, userID: UUID, reason: String, openedAt: Date, expiresAt: Date) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.userID = userID
        self.reason = reason
        self.openedAt = openedAt
        self.expiresAt = expiresAt
    }
}

/// Whether an emergency opening was justified, as the privacy officer judged it.
enum BreakTheGlassVerdict: String, CaseIterable {
    case justified
    case notJustified = "not_justified"
}
