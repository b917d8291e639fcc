import Fluent
import Foundation
import SQLKit
import Vapor

/// `samenspel backup FILE`: a consistent copy of the database taken while the
/// server runs — SQLite's `VACUUM INTO` reads one snapshot, `pg_dump` one
/// transaction — with the keys and the access log's checkpoints, encrypted
/// with a passphrase into one file (`BackupArchive`).
enum Backup {
    /// The files a backup holds, by name.
    static let sqliteDatabase = "samenspel.sqlite"
    static let postgresDump = "database.pgdump"
    static let keys = "keys.json"
    static let checkpoints = "audit-checkpoints.log"
    static let names: Set<String> = [sqliteDatabase, postgresDump, keys, checkpoints]
    /// Documents' sealed files travel as they lie, still sealed with the field key: `documents/<tenant>/<document>.sealed`.
    static let documents = "documents"

    /// A name a backup may hold: one of `names`, or a document's file (nothing that climbs out of the directory).
    static func isAllowed(_ name: String) -> Bool {
        if names.contains(name) { return true }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == documents, UUID(uuidString: String(parts[1])) != nil, parts[2].hasSuffix(".sealed"),
              UUID(uuidString: String(parts[2].dropLast(".sealed".count))) != nil else { return false }
        return true
    }

    /// Every document file under the data directory, with its name in a backup.
    static func documentFiles(in dataDirectory: String) -> [(path: String, name: String)] {
        let root = dataDirectory + "/" + documents
        guard let tenants = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return tenants.sorted().flatMap { tenant in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + tenant)) ?? []).sorted()
                .map { (path: "\(root)/\(tenant)/\($0)", name: "\(documents)/\(tenant)/\($0)") }.filter { isAllowed($0.name) }
        }
    }

    struct Summary {
        let files: [String]
        let bytes: UInt64
    }

    static func write(_ app: Application, to path: String, passphrase: String) async throws -> Summary {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw PostgresTools.Failure(description: "\(path) already exists; a backup never overwrites a file")
        }
        let work = try temporaryDirectory(beside: path)
        defer { try? FileManager.default.removeItem(atPath: work) }
        var files: [(path: String, name: String)] = []
        // The checkpoints before the database: each then names entries the
        // snapshot holds, so `audit verify` passes on what is restored.
        if FileManager.default.fileExists(atPath: app.config.auditCheckpointFile) {
            try FileManager.default.copyItem(atPath: app.config.auditCheckpointFile, toPath: "\(work)/\(checkpoints)")
            files.append(("\(work)/\(checkpoints)", checkpoints))
        }
        switch app.config.database {
        case .postgres(let url):
            try PostgresTools.run("pg_dump", ["--format=custom", "--no-owner", "--file=\(work)/\(postgresDump)"], databaseURL: url)
            files.append(("\(work)/\(postgresDump)", postgresDump))
        case .sqliteFile, .sqliteMemory:
            try await app.db.sql.raw("VACUUM INTO \(bind: "\(work)/\(sqliteDatabase)")").run()
            files.append(("\(work)/\(sqliteDatabase)", sqliteDatabase))
        }
        let keyFile = "\(work)/\(keys)"
        guard FileManager.default.createFile(atPath: keyFile, contents: try app.config.keys.fileContents(), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: keyFile])
        }
        files.append((keyFile, keys))
        // After the snapshot: a document is never changed once written, so every row it holds finds its file.
        files += documentFiles(in: app.config.dataDirectory)
        do {
            let writer = try BackupWriter(creating: path, passphrase: passphrase)
            for file in files { try writer.add(file: file.path, as: file.name) }
            try writer.finish()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value ?? 0
        // Thousands of documents are named as one line.
        let (documentNames, others) = (files.filter { $0.name.hasPrefix(documents + "/") }, files.filter { !$0.name.hasPrefix(documents + "/") })
        return Summary(files: others.map(\.name) + (documentNames.isEmpty ? [] : ["\(documents) (\(documentNames.count))"]), bytes: bytes)
    }

    /// A directory of its own next to `path`, readable by its owner only.
    static func temporaryDirectory(beside path: String) throws -> String {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let directory = "\(parent)/.samenspel-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return directory
    }
}
