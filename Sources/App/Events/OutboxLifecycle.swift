import Vapor

extension RepeatingJob {
    /// While serving, the outbox is delivered every few seconds
    /// (`SAMENSPEL_OUTBOX_SECONDS`, default 5; 0 turns it off). Every server
    /// may run it: each event is claimed before it is sent.
    static func outbox(every seconds: TimeInterval) -> RepeatingJob {
        RepeatingJob(name: "outbox delivery", interval: every(seconds)) { app in
            try await OutboxDelivery(db: app.db, client: app.client, keys: app.config.keys).deliverDue()
        }
    }
}
