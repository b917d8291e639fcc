import Foundation
import Vapor

/// `samenspel mail send`: one mail round now — reminders that fell due
/// become notifications, and the queue is sent — as a serving app does
/// every `SAMENSPEL_MAIL_SECONDS`.
struct MailCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "send") var action: String
    }

    var help: String { "Sends what is due now: reminders that fell due, then the mail queue (mail send)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "send" else { throw ConfigurationError("unknown action '\(signature.action)'; use: samenspel mail send") }
        let app = context.application
        let started = Date()
        let reminded = try await Reminders(db: app.db).sendDue()
        let sent = try await MailDelivery.of(app).deliverDue()
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        context.console.print("\(reminded) reminders given, \(sent) mails sent, in \(seconds) s")
    }
}
