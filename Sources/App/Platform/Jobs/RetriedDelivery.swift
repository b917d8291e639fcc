import Domain
import Fluent
import Foundation
import SQLKit

/// What is delivered with retries — events to other systems, mails: each
/// try claimed first (so several servers can deliver), a failure tried
/// again after `DeliveryBackoff`, parked once that would pass its expiry,
/// and sent again from the admin page with a new day to get through.
protocol RetriedDelivery: TenantOwned {
    var attempts: Int { get set }
    var nextAttemptAt: Date? { get set }
    var parkedAt: Date? { get set }
    var lastError: String? { get set }
    var expiresAt: Date { get set }
}

extension RetriedDelivery {
    /// Takes it for this server for `duration`, unless another took it first:
    /// a claim moves it out of "due", and each try counts an attempt.
    func claim(for duration: TimeInterval, now: Date, on db: any Database) async throws -> Bool {
        try await db.sql.update(Self.schema)
            .set("next_attempt_at", to: now.addingTimeInterval(duration))
            .where("tenant_id", .equal, tenantID).where("id", .equal, try requireID())
            .where("attempts", .equal, attempts).where("next_attempt_at", .lessThanOrEqual, now)
            .returning("id").first() != nil
    }

    /// One more attempt failed with `reason`.
    func failed(_ reason: String, now: Date) {
        attempts += 1
        lastError = String(reason.prefix(300))
        let next = now.addingTimeInterval(DeliveryBackoff.delay(afterAttempt: attempts))
        if next > expiresAt {
            (parkedAt, nextAttemptAt) = (now, nil)
        } else {
            nextAttemptAt = next
        }
    }

    /// Parked now, sent again from `now` with a new day to get through.
    func retry(now: Date) {
        (parkedAt, nextAttemptAt, attempts, expiresAt) = (nil, now, 0, now.addingTimeInterval(DeliveryBackoff.giveUpAfter))
    }
}

extension OutboxEvent: RetriedDelivery {}
extension OutgoingMail: RetriedDelivery {}
