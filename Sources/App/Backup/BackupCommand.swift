import Vapor

/// `samenspel backup FILE` (see `Backup`). The passphrase comes from
/// SAMENSPEL_BACKUP_PASSPHRASE, or is asked for twice on the terminal.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "where to write the backup (it must not exist yet)") var file: String
    }

    var help: String { "Writes an encrypted, consistent backup of the database, its keys and the access log's checkpoints while the server runs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let passphrase = try Self.passphrase(context.console, confirm: true)
        let started = Date()
        let summary = try await Backup.write(context.application, to: signature.file, passphrase: passphrase)
        context.console.print("Backup written to \(signature.file): \(summary.files.joined(separator: ", ")), \(summary.bytes) bytes, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
        context.console.print("Keep the passphrase apart from the file: without it the backup cannot be read.")
    }

    static func passphrase(_ console: any Console, confirm: Bool) throws -> String {
        if let given = ProcessInfo.processInfo.environment["SAMENSPEL_BACKUP_PASSPHRASE"] { return given }
        let first = console.ask("Passphrase for the backup:", isSecure: true)
        if confirm {
            guard console.ask("The same passphrase again:", isSecure: true) == first else {
                throw Restore.Refusal(description: "the two passphrases differ; nothing was written")
            }
        }
        return first
    }
}

/// `samenspel restore FILE`, run before the application is set up (see `Restore`).
enum RestoreCommand {
    static func run(arguments: [String]) throws {
        let terminal = Terminal()
        guard arguments.count == 1, let file = arguments.first, !file.hasPrefix("-") else {
            throw Restore.Refusal(description: "use: samenspel restore FILE (into an empty SAMENSPEL_DATA_DIR, or the empty database in DATABASE_URL)")
        }
        let env = ProcessInfo.processInfo.environment
        let summary = try Restore.run(file, passphrase: try BackupCommand.passphrase(terminal, confirm: false),
                                      dataDirectory: env["SAMENSPEL_DATA_DIR"] ?? "data",
                                      databaseURL: env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 })
        terminal.print("Restored \(summary.files.joined(separator: ", ")) from \(file).")
        if env["DATABASE_URL"].map({ !$0.isEmpty }) == true {
            terminal.print("Set SAMENSPEL_SESSION_KEY and SAMENSPEL_FIELD_KEY to the values in \(summary.keyFile) (session, field) before starting.")
        }
    }
}
