import Fluent
import Foundation

/// How many BSN lookups (an intake with a BSN) one user may make an hour. A
/// professional registers a few households a day; someone trying numbers to
/// find people makes many. Counted in the login-throttle table under the
/// user's own key, in windows of an hour from the first lookup.
enum IntakeLookupLimit {
    static let perHour = 30
    static let window: TimeInterval = 3600

    /// Counts one lookup; false when the user has used up this hour's.
    static func admit(userID: UUID, now: Date = Date(), on db: any Database) async throws -> Bool {
        let key = "bsn_lookup:\(userID.uuidString)"
        let row = try await LoginThrottle.query(on: db).filter(\.$key == key).first() ?? LoginThrottle(key: key, now: now)
        if now.timeIntervalSince(row.updatedAt) > window {
            row.failures = 0
            row.updatedAt = now
        }
        guard row.failures < perHour else { return false }
        row.failures += 1
        try await row.save(on: db)
        return true
    }
}
