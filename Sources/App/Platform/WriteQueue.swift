import Fluent
import SQLKit

/// SQLite has one writer, and its driver retries a locked database in a
/// tight loop (sqlite-nio's busy handler answers "retry" at once). Two write
/// transactions at the same moment therefore kept a core spinning until the
/// first committed: perf showed it when referrals were created from 32
/// connections. Write transactions on SQLite wait their turn here instead,
/// without using the processor. PostgreSQL needs no queue.
actor WriteQueue {
    static let sqlite = WriteQueue()
    private var running = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if running {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running = true
        }
        defer { handOver() }
        return try await work()
    }

    /// The next waiting writer goes on; with none, the queue is free.
    private func handOver() {
        if waiting.isEmpty { running = false } else { waiting.removeFirst().resume() }
    }
}

extension Database {
    /// A transaction that writes: Fluent's `transaction`, queued on SQLite
    /// (see `WriteQueue`). Inside a transaction, it is that transaction. Code
    /// in it must write through the transaction it is given, never through
    /// another handle that would queue behind it.
    func writeTransaction<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, (self as? any SQLDatabase)?.dialect.name == "sqlite" else { return try await transaction(work) }
        return try await WriteQueue.sqlite.run { try await self.transaction(work) }
    }
}
