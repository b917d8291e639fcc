import Fluent
import Foundation

/// Consecutive failed logins per account name or client address. Keyed by a
/// string so an unknown account name is throttled exactly like a real one.
final class LoginThrottle: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $key, $failures, $lockedUntil, $updatedAt] }

    init() {}

    init(key: String, now: Date) {
        self.key = key
        self.failures = 0
        self.updatedAt = now
    }
}
