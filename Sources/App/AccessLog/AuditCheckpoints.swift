import Domain
import Fluent
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Writes every chain's head, signed, to an append-only file outside the
/// database (and to the server log, for log shipping), and reads them back
/// for `samenspel audit verify`. Run every `auditCheckpointInterval` while
/// serving and once at shutdown; entries after the last checkpoint are the
/// only ones a database writer could cut off unseen.
enum AuditCheckpoints {
    /// Appends a checkpoint for each chain whose head moved since the last one in the file.
    /// The file is read once per process; after that the sequences written are remembered,
    /// so a file that grows for years is not read again every minute.
    static func write(on app: Application, now: Date = Date()) async throws {
        let path = app.config.auditCheckpointFile
        let key = app.config.keys.audit
        let written = app.auditCheckpointsWritten
        if written.withLockedValue({ $0 == nil }) {
            let fromFile = Dictionary(try read(path).map { ($0.chain, $0.sequence) }, uniquingKeysWith: max)
            written.withLockedValue { $0 = $0 ?? fromFile }
        }
        let heads = try await AccessLogHead.query(on: app.db).filter(\.$sequence > 0).sort(\.$chain).all()
        let moved = written.withLockedValue { known in heads.filter { known?[$0.chain] != $0.sequence } }
        guard !moved.isEmpty else { return }
        let lines = moved.map { AuditCheckpoint(chain: $0.chain, sequence: $0.sequence, hash: $0.hash, writtenAt: now, key: key).line }
        try append(lines.joined(separator: "\n") + "\n", to: path)
        written.withLockedValue { known in for head in moved { known?[head.chain] = head.sequence } }
        for line in lines { app.logger.notice("\(line)") }
    }

    /// The checkpoints in the file, for every chain; none when there is no file yet.
    static func read(_ path: String) throws -> [AuditCheckpoint] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).compactMap(AuditCheckpoint.parse)
    }

    /// Opened for appending only, created readable by its owner alone.
    private static func append(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw Abort(.internalServerError, reason: "cannot open \(path) for the audit checkpoints") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw Abort(.internalServerError, reason: "cannot write the audit checkpoints to \(path)") }
    }
}

extension Application {
    private struct CheckpointsWrittenKey: StorageKey { typealias Value = NIOLockedValueBox<[String: Int]?> }

    /// The sequence last checkpointed per chain by this process; nil until the file was read. Set up in `configure`.
    var auditCheckpointsWritten: NIOLockedValueBox<[String: Int]?> {
        get { storage[CheckpointsWrittenKey.self]! }
        set { storage[CheckpointsWrittenKey.self] = newValue }
    }
}

/// Checkpoints while serving: every interval, and once more when the server stops.
struct AuditCheckpointLifecycle: LifecycleHandler {
    let interval: TimeInterval

    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(Int64(interval)), delay: .seconds(Int64(interval))) { _ in
            app.eventLoopGroup.next().makeFutureWithTask { await Self.checkpoint(app) }
        }
        app.storage[TaskKey.self] = task
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TaskKey.self]?.cancel()
        await Self.checkpoint(app)
    }

    private static func checkpoint(_ app: Application) async {
        do { try await AuditCheckpoints.write(on: app) } catch {
            app.logger.error("audit checkpoint failed: \(String(describing: error))")
        }
    }

    private struct TaskKey: StorageKey { typealias Value = RepeatedTask }
}
