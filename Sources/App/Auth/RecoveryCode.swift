import Fluent
import Foundation

/// A one-time recovery code for when the authenticator is lost; stored as a
/// keyed hash, marked used once spent.
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $userID, $codeHash, $usedAt] }

    init() {}

    init(userID: UUID, codeHash: String) {
        self.userID = userID
        self.codeHash = codeHash
    }
}
