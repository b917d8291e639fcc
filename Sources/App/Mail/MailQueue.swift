import Domain
import Fluent
import Foundation

/// Puts mails in the queue, on the database (transaction) of what they tell
/// of: a rolled-back change sends no mail. Sending is `MailDelivery`'s,
/// later, never in the request, so a slow or absent mail server never
/// slows anyone down.
enum MailQueue {
    /// The person hears of a new notification now, if they asked for that
    /// and have an address; a digest later, if they asked for that.
    static func notificationArrived(for userID: UUID, tenantID: UUID, messageKey: String, link: String, on db: any Database, now: Date = Date()) async throws {
        guard let user = try await User.select(in: tenantID, where: "id = \(bind: userID)", limit: 1, on: db).first, user.isActive, user.hasMailAddress,
              user.preferredMail == .immediately else { return }
        try await OutgoingMail(tenantID: tenantID, to: .user(userID), kind: .forNotification(messageKey), link: link, at: now).create(on: db)
    }

    /// A referral reached the organisation: its intake address hears so.
    static func referralReceived(_ referral: Referral, on db: any Database, now: Date = Date()) async throws {
        try await toIntake(of: referral.receiverOrganizationID, kind: .referralReceived, link: SiteRoute.referral.path(try referral.requireID()),
                           tenantID: referral.tenantID, on: db, now: now)
    }

    static func toIntake(of organizationID: UUID, kind: MailKind, link: String, tenantID: UUID, on db: any Database, now: Date = Date()) async throws {
        guard let organization = try await Organization.select(in: tenantID, where: "id = \(bind: organizationID)", limit: 1, on: db).first,
              !(organization.intakeEmail ?? "").isEmpty else { return }
        try await OutgoingMail(tenantID: tenantID, to: .organization(organizationID), kind: kind, link: link, at: now).create(on: db)
    }
}

extension User {
    var preferredMail: MailPreference { mailPreference.flatMap(MailPreference.init(rawValue:)) ?? .standard }
    var hasMailAddress: Bool { !(workEmail ?? "").isEmpty }
}
