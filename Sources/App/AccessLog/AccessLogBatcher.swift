@preconcurrency import Crypto
import Domain
import Fluent
import Vapor

/// Group commit for access-log entries written outside a caller's
/// transaction (every page view writes one). Entries that arrive while a
/// batch is being written wait and go together in the next one, so under
/// load many views share one transaction instead of queueing for the
/// chain's lock one by one. Each caller still waits until its own entry is
/// committed: nothing is shown that is not logged.
actor AccessLogBatcher {
    private struct Waiting { let record: AuditRecord; let continuation: CheckedContinuation<Void, any Error> }

    private let databases: Databases
    /// Always the same loop, so always the same SQLite connection: a commit
    /// empties the page cache of every other connection, and writing from
    /// whichever loop came next emptied both connections' caches in turn.
    private let eventLoop: any EventLoop
    private let logger: Logger
    private let key: SymmetricKey
    private var waiting: [Waiting] = []
    private var writing = false

    init(databases: Databases, eventLoops: any EventLoopGroup, logger: Logger, key: SymmetricKey) {
        self.databases = databases
        self.key = key
        self.eventLoop = eventLoops.next()
        self.logger = logger
    }

    func append(_ record: AuditRecord) async throws {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(record: record, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.writeWhileWaiting() }
            }
        }
    }

    private func writeWhileWaiting() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            do {
                guard let db = databases.database(logger: logger, on: eventLoop) else { throw Abort(.internalServerError, reason: "no database") }
                try await AccessLogger.append(batch.map(\.record), key: key, on: db)
                for entry in batch { entry.continuation.resume() }
            } catch {
                for entry in batch { entry.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }
}

extension Application {
    private struct AccessLogBatcherKey: StorageKey { typealias Value = AccessLogBatcher }

    /// The application's one batcher; set up in `configure`.
    var accessLogBatcher: AccessLogBatcher {
        get { storage[AccessLogBatcherKey.self]! }
        set { storage[AccessLogBatcherKey.self] = newValue }
    }
}
