import NIOCore
import Vapor

/// While serving, the outbox is delivered every few seconds
/// (`SAMENSPEL_OUTBOX_SECONDS`, default 5; 0 turns it off). Every server
/// may run it: each event is claimed before it is sent.
struct OutboxLifecycle: LifecycleHandler {
    let interval: TimeAmount

    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    try await OutboxDelivery(db: app.db, client: app.client, keys: app.config.keys).deliverDue()
                } catch {
                    app.logger.error("outbox delivery failed: \(String(describing: error))")
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
