import Foundation
import Vapor

/// `samenspel demo [--json]`: creates or refreshes the demo tenant and prints its logins.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "json", help: "Print the logins as JSON, for scripts and browser tests.")
        var json: Bool
    }

    var help: String { "Creates the demo tenant Gemeente Voorbeeld and prints its logins." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let logins = try await DemoTenant.seed(app: app)
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
