import Domain
import Fluent
import Foundation
import SQLKit

/// Sends what the mail queue holds. Each mail is claimed before it is sent,
/// so several servers can run this; a failure is tried again later
/// (`DeliveryBackoff`), and a mail still failing after a day is parked and
/// shown to the tenant admin. Sent mails are kept a while for the admin,
/// then removed.
struct MailDelivery {
    let db: any Database
    let transport: any MailTransport
    let composer: MailComposer
    static let batchSize = 50
    static let claim: TimeInterval = 120
    static let keepSent: TimeInterval = 30 * 24 * 3600

    enum Outcome: Equatable {
        case sent
        case failed(String)
        /// Nobody to send it to any more (address removed, account closed): parked with that reason.
        case noRecipient
    }

    @discardableResult
    func deliverDue(now: Date = Date()) async throws -> Int {
        var sent = 0
        for tenant in try await Tenant.query(on: db).all() {
            let tenantID = try tenant.requireID()
            let due = try await OutgoingMail.select(in: tenantID, where: "next_attempt_at <= \(bind: now)", orderBy: "next_attempt_at",
                                                    limit: Self.batchSize, on: db)
            for mail in due where try await mail.claim(for: Self.claim, now: now, on: db) {
                let outcome = await send(mail, now: now)
                try await settle(mail, outcome, now: now)
                if outcome == .sent { sent += 1 }
            }
            try await db.sql.delete(from: OutgoingMail.schema).where("tenant_id", .equal, tenantID)
                .where("sent_at", .lessThan, now.addingTimeInterval(-Self.keepSent)).run()
        }
        return sent
    }

    private func send(_ mail: OutgoingMail, now: Date) async -> Outcome {
        do {
            guard let recipient = try await recipient(of: mail) else { return .noRecipient }
            let message = composer.message(for: mail, to: recipient, now: now)
            try await transport.deliver(message, envelopeFrom: MailComposer.envelopeAddress(composer.from))
            return .sent
        } catch let failure as SMTPClient.Failure {
            return .failed(failure.description)
        } catch {
            return .failed(String(describing: type(of: error)))
        }
    }

    /// The address and language as they are now.
    private func recipient(of mail: OutgoingMail) async throws -> MailComposer.Recipient? {
        if let userID = mail.userID {
            guard let user = try await User.select(in: mail.tenantID, where: "id = \(bind: userID)", limit: 1, on: db).first,
                  user.isActive, let address = user.workEmail, !address.isEmpty else { return nil }
            return .init(address: address, locale: user.locale.flatMap(AppLocale.init(rawValue:)) ?? .nl, isPerson: true)
        }
        guard let organizationID = mail.organizationID,
              let organization = try await Organization.select(in: mail.tenantID, where: "id = \(bind: organizationID)", limit: 1, on: db).first,
              let address = organization.intakeEmail, !address.isEmpty else { return nil }
        return .init(address: address, locale: .nl, isPerson: false)
    }

    private func settle(_ mail: OutgoingMail, _ outcome: Outcome, now: Date) async throws {
        switch outcome {
        case .sent:
            mail.attempts += 1
            (mail.sentAt, mail.nextAttemptAt, mail.lastError) = (now, nil, nil)
        case .noRecipient:
            mail.attempts += 1
            (mail.parkedAt, mail.nextAttemptAt, mail.lastError) = (now, nil, "no address")
        case .failed(let reason):
            mail.failed(reason, now: now)
        }
        try await mail.save(on: db)
    }
}
