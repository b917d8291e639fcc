import Foundation

/// `samenspel restore FILE`: brings a backup back into an empty data
/// directory (SQLite) or an empty database (DATABASE_URL). It runs before the
/// application starts — starting would create a database and keys of its own.
/// Everything is checked and unpacked into a directory of its own first, so
/// a wrong passphrase or a damaged file leaves the target as it was.
enum Restore {
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    struct Summary {
        let files: [String]
        let keyFile: String
    }

    static func run(_ file: String, passphrase: String, dataDirectory: String, databaseURL: String?) throws -> Summary {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let target = URL(fileURLWithPath: dataDirectory).path
        let keyFile = "\(target)/\(Backup.keys)", checkpointFile = "\(target)/\(Backup.checkpoints)"
        let occupied = [keyFile, checkpointFile, "\(target)/\(Backup.sqliteDatabase)"].filter { FileManager.default.fileExists(atPath: $0) }
        guard occupied.isEmpty else { throw Refusal(description: "the target is not empty (\(occupied.joined(separator: ", "))); restore only into an empty data directory") }
        if let databaseURL {
            let tables = try PostgresTools.run("psql", ["-tAc", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"], databaseURL: databaseURL)
            guard tables.trimmingCharacters(in: .whitespacesAndNewlines) == "0" else {
                throw Refusal(description: "the database in DATABASE_URL is not empty; restore only into an empty database")
            }
        }

        let work = try Backup.temporaryDirectory(beside: keyFile)
        defer { try? FileManager.default.removeItem(atPath: work) }
        var reader = try BackupReader(opening: file, passphrase: passphrase)
        let files = try reader.extract(to: work, allowing: Backup.isAllowed)
        guard files.contains(Backup.keys) else { throw Refusal(description: "the backup holds no keys; nothing was restored") }
        if let databaseURL {
            guard files.contains(Backup.postgresDump) else {
                throw Refusal(description: "this backup is of an embedded (SQLite) database; restore it without DATABASE_URL")
            }
            try PostgresTools.run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                                                 "--dbname=\(try PostgresTools.environment(for: databaseURL)["PGDATABASE"] ?? "")",
                                                 "\(work)/\(Backup.postgresDump)"], databaseURL: databaseURL)
        } else {
            guard files.contains(Backup.sqliteDatabase) else {
                throw Refusal(description: "this backup is of a PostgreSQL database; restore it with DATABASE_URL set to an empty database")
            }
            try FileManager.default.moveItem(atPath: "\(work)/\(Backup.sqliteDatabase)", toPath: "\(target)/\(Backup.sqliteDatabase)")
        }
        if files.contains(Backup.checkpoints) { try FileManager.default.moveItem(atPath: "\(work)/\(Backup.checkpoints)", toPath: checkpointFile) }
        for name in files where name.hasPrefix(Backup.documents + "/") {
            try FileManager.default.createDirectory(atPath: ("\(target)/\(name)" as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: "\(work)/\(name)", toPath: "\(target)/\(name)")
        }
        try FileManager.default.moveItem(atPath: "\(work)/\(Backup.keys)", toPath: keyFile)
        return Summary(files: files, keyFile: keyFile)
    }
}
