import NIOCore
import Vapor

/// While serving, reminders that fell due become notifications and the mail
/// queue is sent, every `SAMENSPEL_MAIL_SECONDS` (default 30; 0 turns it
/// off). Every server may run it: reminders are recorded once, mails claimed.
struct MailLifecycle: LifecycleHandler {
    let interval: TimeAmount

    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    try await Reminders(db: app.db).sendDue()
                    try await MailDelivery.of(app).deliverDue()
                } catch {
                    app.logger.error("mail round failed: \(String(describing: error))")
                }
            }
        }
        app.storage[TaskKey.self] = task
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TaskKey.self]?.cancel()
    }

    private struct TaskKey: StorageKey { typealias Value = RepeatedTask }
}

extension MailDelivery {
    static func of(_ app: Application) -> MailDelivery {
        MailDelivery(db: app.db, transport: app.config.mail.transport,
                     composer: MailComposer(localizer: app.localizer, publicURL: app.config.publicURL, from: app.config.mailFrom))
    }
}
