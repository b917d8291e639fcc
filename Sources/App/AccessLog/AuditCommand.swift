import Domain
import Vapor

/// `samenspel audit verify`: exits non-zero and names the first broken entry
/// when any chain has been tampered with, checked with the key and against the
/// checkpoints outside the database. `samenspel audit checkpoint` writes one now.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify | checkpoint") var action: String
    }

    var help: String { "Verifies the access log's keyed chain against its checkpoints (audit verify), or writes a checkpoint (audit checkpoint)." }

    struct TamperedLog: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.action == "checkpoint" {
            try await AuditCheckpoints.write(on: app)
            return context.console.print("checkpoints written to \(app.config.auditCheckpointFile)")
        }
        guard signature.action == "verify" else {
            throw TamperedLog(description: "unknown action '\(signature.action)'; use: samenspel audit verify | checkpoint")
        }
        let checkpoints = try AuditCheckpoints.read(app.config.auditCheckpointFile).count
        if checkpoints == 0 {
            context.console.warning("no checkpoints in \(app.config.auditCheckpointFile): a log cut short at its end cannot be detected")
        } else {
            context.console.print("\(checkpoints) checkpoints in \(app.config.auditCheckpointFile)")
        }
        let reports = try await AuditVerifier.verifyAll(app)
        var broken: [String] = []
        for report in reports {
            switch report.finding {
            case .intact(let count):
                context.console.print("chain \(report.chain): intact, \(count) entries")
            case .broken(let sequence, let reason):
                let line = "chain \(report.chain): BROKEN at entry \(sequence): \(reason.rawValue)"
                context.console.error(line)
                broken.append(line)
            }
        }
        if reports.isEmpty { context.console.print("the access log is empty") }
        if !broken.isEmpty {
            throw TamperedLog(description: "access log verification failed: \(broken.joined(separator: "; "))")
        }
    }
}
