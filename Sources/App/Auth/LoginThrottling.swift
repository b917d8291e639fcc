import Domain
import Fluent
import Foundation

/// The two lockout policies a login passes: per account name and per address.
public struct LoginLockout: Sendable {
    public var account = LockoutPolicy.account
    public var address = LockoutPolicy.address
    public init() {}
}

/// Applies `LockoutPolicy` per account name and per client address.
enum LoginThrottling {
    struct Keys {
        let account: String
        let address: String
    }

    static func keys(username: String, address: String) -> Keys {
        Keys(account: "account:\(username.lowercased().prefix(64))", address: "address:\(address)")
    }

    /// When the later of the two locks ends, if either is in force.
    static func lockedUntil(_ keys: Keys, now: Date = Date(), on db: any Database) async throws -> Date? {
        let locks = try await locks(keys, now: now, on: db)
        return [locks.account, locks.address].compactMap { $0 }.max()
    }

    /// Each lock in force, separately: a locked account is not a locked address.
    static func locks(_ keys: Keys, now: Date = Date(), on db: any Database) async throws -> (account: Date?, address: Date?) {
        let rows = try await LoginThrottle.query(on: db).filter(\.$key ~~ [keys.account, keys.address]).all()
        func until(_ key: String) -> Date? { rows.first { $0.key == key }?.lockedUntil.flatMap { $0 > now ? $0 : nil } }
        return (until(keys.account), until(keys.address))
    }

    static func recordFailure(_ keys: Keys, lockout: LoginLockout = LoginLockout(), now: Date = Date(), on db: any Database) async throws {
        for (key, policy) in [(keys.account, lockout.account), (keys.address, lockout.address)] {
            let row = try await LoginThrottle.query(on: db).filter(\.$key == key).first() ?? LoginThrottle(key: key, now: now)
            // A day without failures starts the count afresh.
            if now.timeIntervalSince(row.updatedAt) > 24 * 3600 { row.failures = 0 }
            row.failures += 1
            row.updatedAt = now
            row.lockedUntil = policy.lockDuration(afterFailures: row.failures).map { now.addingTimeInterval($0) }
            if row.id == nil {
                // Two failures at once may both create the row; one count is enough.
                try? await row.create(on: db)
            } else {
                try await row.update(on: db)
            }
        }
    }

    /// A successful login clears the account's count (not the address's,
    /// or one valid account would unlock guessing at all others).
    static func recordSuccess(_ keys: Keys, on db: any Database) async throws {
        try await LoginThrottle.query(on: db).filter(\.$key == keys.account).delete()
    }
}
