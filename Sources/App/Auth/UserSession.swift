import Fluent
import Foundation

/// A database-backed login session. Only a keyed hash of the cookie token
/// is stored, so a copy of the database does not yield live sessions.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    /// How far the login has come; see `Stage`.
    @Field(key: "stage") var stage: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @OptionalField(key: "source") var source: String?
    /// A TOTP secret shown during enrolment, encrypted, until a code proves it works.
    @OptionalField(key: "pending_totp_secret") var pendingTOTPSecret: String?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tokenHash, $tenantID, $userID, $stage, $createdAt, $lastSeenAt, $source, $pendingTOTPSecret] }

    init() {}

    init(tokenHash: String, tenantID: UUID, userID: UUID, stage: Stage, now: Date, source: String?) {
        self.tokenHash = tokenHash
        self.tenantID = tenantID
        self.userID = userID
        self.stage = stage.rawValue
        self.createdAt = now
        self.lastSeenAt = now
        self.source = source
    }

    enum Stage: String {
        /// Password accepted; the TOTP code is still due.
        case secondFactor = "second_factor"
        /// Password accepted; the role requires TOTP but none is enrolled yet.
        case enrolment
        case complete
    }

    var loginStage: Stage { Stage(rawValue: stage) ?? .secondFactor }
}
