import Foundation

/// Exponential back-off after repeated failed logins. The same rule applies
/// whether or not the account exists, so a lockout reveals nothing.
public struct LockoutPolicy: Sendable {
    /// Failures allowed before the first lockout.
    public var threshold: Int
    public var baseDelay: TimeInterval
    public var maximumDelay: TimeInterval

    public init(threshold: Int, baseDelay: TimeInterval = 30, maximumDelay: TimeInterval = 3600) {
        self.threshold = threshold
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// Per account: a person mistyping does not hit this; a guesser does.
    public static let account = LockoutPolicy(threshold: 5)
    /// Per client address: higher, since offices share one address.
    public static let address = LockoutPolicy(threshold: 20)

    /// How long to lock after `failures` consecutive failures: nothing below the
    /// threshold, then the base delay doubling with each further failure.
    public func lockDuration(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= threshold else { return nil }
        let doublings = min(failures - threshold, 20)
        return min(baseDelay * pow(2, Double(doublings)), maximumDelay)
    }
}
