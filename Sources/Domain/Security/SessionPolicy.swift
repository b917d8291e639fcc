import Foundation

/// Idle and absolute session lifetimes (BIO: sessions end when unused and
/// after a working day at most).
public struct SessionPolicy: Sendable, Equatable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    public enum Verdict: Equatable, Sendable { case valid, idleExpired, absoluteExpired }

    public func verdict(createdAt: Date, lastSeenAt: Date, now: Date) -> Verdict {
        if now.timeIntervalSince(createdAt) >= absoluteTimeout { return .absoluteExpired }
        if now.timeIntervalSince(lastSeenAt) >= idleTimeout { return .idleExpired }
        return .valid
    }
}
