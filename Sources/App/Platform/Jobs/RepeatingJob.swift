import NIOCore
import Vapor

/// Work a serving app repeats on a schedule (delivering events and mail,
/// erasing what passed its period): every `interval`, first after
/// `initialDelay`, until shutdown. A failed round is logged and the next
/// one runs as planned.
struct RepeatingJob: LifecycleHandler {
    let name: String
    let interval: TimeAmount
    var initialDelay: TimeAmount?
    let work: @Sendable (Application) async throws -> Void

    func didBootAsync(_ app: Application) async throws {
        let name = self.name, work = self.work
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: initialDelay ?? interval, delay: interval) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    try await work(app)
                } catch {
                    app.logger.error("\(name) failed: \(String(describing: error))")
                }
            }
        }
        var tasks = app.storage[TasksKey.self] ?? [:]
        tasks[name] = task
        app.storage[TasksKey.self] = tasks
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TasksKey.self]?[name]?.cancel()
    }

    /// The scheduled tasks, by job name, so several jobs run side by side.
    private struct TasksKey: StorageKey { typealias Value = [String: RepeatedTask] }
}

extension RepeatingJob {
    static func every(_ seconds: TimeInterval) -> TimeAmount { .milliseconds(Int64(seconds * 1000)) }
}
