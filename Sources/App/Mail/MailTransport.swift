import Domain
import Foundation

/// Where a composed message goes.
protocol MailTransport: Sendable {
    func deliver(_ message: MailMessage, envelopeFrom: String) async throws
}

extension SMTPClient: MailTransport {
    func deliver(_ message: MailMessage, envelopeFrom: String) async throws {
        try await send(message, envelopeFrom: envelopeFrom, recipient: MailComposer.envelopeAddress(message.to))
    }
}

/// The embedded default without SMTP: each mail as an `.eml` file in a
/// folder, written whole or not at all, for the newcomer to open.
struct MailFolder: MailTransport {
    let path: String

    func deliver(_ message: MailMessage, envelopeFrom: String) async throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: message.date).replacingOccurrences(of: ":", with: "")
        let name = "\(stamp)-\(message.messageID.prefix { $0 != "@" }).eml"
        let rendered = message.rendered(boundary: "samenspel-\(UUID().uuidString)")
        try Data(rendered.utf8).write(to: URL(fileURLWithPath: path).appendingPathComponent(name), options: .atomic)
    }
}

extension MailTransportChoice {
    var transport: any MailTransport {
        switch self {
        case .smtp(let settings): SMTPClient(settings: settings)
        case .folder(let path): MailFolder(path: path)
        }
    }
}
