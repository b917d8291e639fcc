import ConsoleKit
import Fluent
import Foundation
import Vapor

/// `samenspel demo [--json]`: creates or refreshes the demo tenant and prints its logins.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "json", help: "Print the logins as JSON, for scripts and browser tests.")
        var json: Bool

        @ConsoleKit.Option(name: "residents", help: "Also generate a synthetic municipality of this many residents.")
        var residents: String?

        @ConsoleKit.Option(name: "seed", help: "Seed of the synthetic municipality (default 1): the same seed gives the same municipality.")
        var seed: String?

        @ConsoleKit.Option(name: "history-months", help: "How far back the synthetic history reaches, 1 to 40 months (default 40).")
        var historyMonths: String?
    }

    struct Refused: Error, CustomStringConvertible { let description: String }

    var help: String { "Creates the demo tenant Gemeente Voorbeeld and prints its logins." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let synthetic: SyntheticOptions?
        switch SyntheticOptions.parse(residents: signature.residents, seed: signature.seed, historyMonths: signature.historyMonths) {
        case .success(let options): synthetic = options
        case .failure(let problem):
            context.console.error(problem.description)
            throw Refused(description: problem.description)
        }
        let logins = try await DemoTenant.seed(app: app)
        if let synthetic {
            guard let tenantID = try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id else { return }
            let progress = ProgressBar(total: synthetic.residents, label: "residents")
            let report = try await SyntheticMunicipality(app: app, options: synthetic, tenantID: tenantID).generate(progress: progress)
            FileHandle.standardError.write(Data("Generated \(report.residents) residents in \(report.households) households: \(report.rows) rows in \(String(format: "%.1f", report.seconds)) s (\(report.rowsPerSecond) rows/s).\n".utf8))
        }
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            context.console.output(String(decoding: try encoder.encode(logins), as: UTF8.self), style: .plain, newLine: true)
        } else {
            context.console.print(DemoCommand.table(logins))
        }
    }

    static func table(_ logins: [DemoTenant.Login]) -> String {
        var lines = ["Demo tenant \(DemoTenant.name) — logins (demo only):"]
        for login in logins {
            var line = "  \(login.role.padding(toLength: 16, withPad: " ", startingAt: 0)) \(login.username) / \(login.password)"
            if let secret = login.totpSecret { line += "   TOTP secret \(secret)" }
            lines.append(line)
        }
        lines.append("  TOTP codes: any authenticator app, or: oathtool --totp -b SECRET")
        return lines.joined(separator: "\n")
    }
}
