import Domain
import Fluent
import Foundation
import SQLKit

/// What waits for the signed-in person, as counts beside the menu: unread
/// notifications and referrals their organisation has yet to answer (a
/// professional), emergency openings to review (the privacy officer). One
/// small indexed count each, on every page.
struct NavigationCounts: Sendable {
    /// Counts beside the menu show up to this; more reads as "99+".
    static let shownUpTo = 99
    var unread = 0
    var referralsToAnswer = 0
    var openingsToReview = 0
    /// Conversations with a message the person has not read.
    var unreadConversations = 0
    /// Appointments waiting for the resident's answer.
    var appointmentsToAnswer = 0
    /// For a team that handles early signals: cases nobody has reached yet (nil for everyone else).
    var signalCasesWaiting: Int?
    /// The person's organisation reports early signals, so sends files of them.
    var sendsSignals = false

    static func of(_ actor: Actor, on db: any Database) async throws -> NavigationCounts {
        var counts = NavigationCounts()
        if actor.role == .professional {
            counts.unread = try await Notifications.unreadCount(userID: actor.userID, tenantID: actor.tenantID, on: db)
            if let organizationID = actor.organizationID {
                (counts.signalCasesWaiting, counts.sendsSignals) = try await SignalCase.waiting(for: organizationID, tenantID: actor.tenantID, on: db)
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
        case SiteRoute.signalCases: (signalCasesWaiting ?? 0, "nav.not_reached")
        default: (0, "")
        }
        return value > 0 ? (value, key) : (nil, nil)
    }
}

extension SignalCase {
    /// Cases not yet reached, when `organizationID` handles signals (nil when
    /// it does not); and whether it is a partner that reports them.
    static func waiting(for organizationID: UUID, tenantID: UUID, on db: any Database) async throws -> (Int?, Bool) {
        let row = try await db.sql.raw("""
            SELECT (SELECT handles_signals FROM organizations WHERE tenant_id = \(bind: tenantID) AND id = \(bind: organizationID)) AS handles,
                   (SELECT COUNT(*) FROM (SELECT 1 FROM signal_cases w WHERE w.tenant_id = \(bind: tenantID) AND w.status = \(bind: SignalCaseStatus.received.rawValue)
                                          LIMIT \(unsafeRaw: String(NavigationCounts.shownUpTo + 1))) waiting_cases) AS waiting,
                   (SELECT COUNT(*) FROM signal_partners WHERE tenant_id = \(bind: tenantID) AND organization_id = \(bind: organizationID)) AS partner
            """).first()
        let sends = try (row?.decode(column: "partner", as: Int.self) ?? 0) > 0
        guard try row?.decode(column: "handles", as: Bool?.self) == true else { return (nil, sends) }
        return (try row?.decode(column: "waiting", as: Int.self) ?? 0, sends)
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
