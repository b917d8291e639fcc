import Vapor

extension RepeatingJob {
    /// While serving, reminders that fell due become notifications and the
    /// mail queue is sent, every `SAMENSPEL_MAIL_SECONDS` (default 30; 0
    /// turns it off). Every server may run it: reminders are recorded once,
    /// mails claimed.
    static func mail(every seconds: TimeInterval) -> RepeatingJob {
        RepeatingJob(name: "mail round", interval: every(seconds)) { app in
            try await Reminders(db: app.db).sendDue()
            try await MailDelivery.of(app).deliverDue()
        }
    }
}

extension MailDelivery {
    static func of(_ app: Application) -> MailDelivery {
        MailDelivery(db: app.db, transport: app.config.mail.transport,
                     composer: MailComposer(localizer: app.localizer, publicURL: app.config.publicURL, from: app.config.mailFrom))
    }
}
