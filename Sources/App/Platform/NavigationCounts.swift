import Domain
import Fluent
import Foundation
import SQLKit

/// What waits for the signed-in person, as counts beside the menu: unread
/// notifications and referrals their organisation has yet to answer (a
/// professional), emergency openings to review (the privacy officer). One
/// small indexed count each, on every page.
struct NavigationCounts: Sendable {
    var unread = 0
    var referralsToAnswer = 0
    var openingsToReview = 0
    /// Conversations with a message the person has not read.
    var unreadConversations = 0
    /// Appointments waiting for the resident's answer.
    var appointmentsToAnswer = 0

    static func of(_ actor: Actor, on db: any Database) async throws -> NavigationCounts {
        var counts = NavigationCounts()
        if actor.role == .professional {
            counts.unread = try await Notifications.unreadCount(userID: actor.userID, tenantID: actor.tenantID, on: db)
            if let organizationID = actor.organizationID {
                counts.referralsToAnswer = try await Referral.awaitingAnswer(by: organizationID, tenantID: actor.tenantID, on: db)
            }
        }
        if actor.role == .professional || actor.role == .resident {
            counts.unreadConversations = try await Conversations.unreadCount(userID: actor.userID, tenantID: actor.tenantID, on: db)
        }
        if actor.role == .resident {
            counts.appointmentsToAnswer = try await ResidentAccess.appointmentsToAnswer(userID: actor.userID, tenantID: actor.tenantID, on: db)
        }
        if actor.role.reviewsAccessLog {
            counts.openingsToReview = try await BreakTheGlassOpening.awaitingReview(tenantID: actor.tenantID, on: db)
        }
        return counts
    }

    /// The count shown beside `route`, with the key of what it counts; nil when nothing waits.
    func count(for route: Route<Void>) -> (Int?, String?) {
        let (value, key): (Int, String) = switch route {
        case SiteRoute.notifications: (unread, "nav.unread")
        case SiteRoute.referrals: (referralsToAnswer, "nav.to_answer")
        case SiteRoute.breakTheGlassReviews: (openingsToReview, "nav.to_review")
        case SiteRoute.inbox, SiteRoute.portalConversations: (unreadConversations, "nav.unread_messages")
        case SiteRoute.portalAppointments: (appointmentsToAnswer, "nav.to_answer")
        default: (0, "")
        }
        return value > 0 ? (value, key) : (nil, nil)
    }
}

extension BreakTheGlassOpening {
    static func awaitingReview(tenantID: UUID, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS waiting FROM break_the_glass_openings WHERE tenant_id = \(bind: tenantID) AND reviewed_at IS NULL
            """).first()
        return try row?.decode(column: "waiting", as: Int.self) ?? 0
    }
}
