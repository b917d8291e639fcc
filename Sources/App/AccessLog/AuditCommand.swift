import Domain
import Vapor

/// `samenspel audit verify`: exits non-zero and names the first broken entry
/// when any chain has been tampered with.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify") var action: String
    }

    var help: String { "Verifies the hash chain of the access log (audit verify)." }

    struct TamperedLog: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            throw TamperedLog(description: "unknown action '\(signature.action)'; use: samenspel audit verify")
        }
        let reports = try await AuditVerifier.verifyAll(on: context.application.db)
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
