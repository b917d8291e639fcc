import Foundation

/// Where mail goes: an SMTP server, or (the embedded default, when none is
/// configured) a folder under the data directory where each mail lands as
/// an `.eml` file a newcomer can open.
public enum MailTransportChoice: Sendable, Equatable {
    case smtp(SMTPSettings)
    case folder(String)
}

public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// STARTTLS when the server offers it; required before a password is sent.
        case starttls
        /// STARTTLS or no mail at all.
        case requireStarttls = "require-starttls"
        /// TLS from the first byte (port 465).
        case tls
        /// Plain text, for a relay on the same machine; never with a password.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// A PEM file of trusted roots, for a relay with the organisation's own CA.
    public var trustRootsFile: String?
    /// The name this server gives in EHLO.
    public var heloName: String

    public init(host: String, port: Int = 587, security: Security = .starttls, username: String? = nil, password: String? = nil,
                trustRootsFile: String? = nil, heloName: String = "localhost") {
        (self.host, self.port, self.security, self.username, self.password, self.trustRootsFile, self.heloName) =
            (host, port, security, username, password, trustRootsFile, heloName)
    }

    /// `SAMENSPEL_SMTP_HOST` set: SMTP; otherwise the folder `data/mail`.
    static func choice(environment env: [String: String], dataDirectory: String) throws -> MailTransportChoice {
        guard let host = env["SAMENSPEL_SMTP_HOST"], !host.isEmpty else { return .folder("\(dataDirectory)/mail") }
        let securityName = env["SAMENSPEL_SMTP_SECURITY"] ?? "starttls"
        guard let security = Security(rawValue: securityName) else {
            throw ConfigurationError("SAMENSPEL_SMTP_SECURITY must be starttls, require-starttls, tls or none, not \(securityName)")
        }
        let portText = env["SAMENSPEL_SMTP_PORT"] ?? (security == .tls ? "465" : "587")
        guard let port = Int(portText), (1...65535).contains(port) else { throw ConfigurationError("SAMENSPEL_SMTP_PORT is not a port: \(portText)") }
        let username = env["SAMENSPEL_SMTP_USERNAME"].flatMap { $0.isEmpty ? nil : $0 }
        if security == .none, username != nil {
            throw ConfigurationError("SAMENSPEL_SMTP_SECURITY=none would send the SMTP password in plain text")
        }
        return .smtp(SMTPSettings(host: host, port: port, security: security, username: username, password: env["SAMENSPEL_SMTP_PASSWORD"],
                                  trustRootsFile: env["SAMENSPEL_SMTP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 },
                                  heloName: env["SAMENSPEL_SMTP_HELO"] ?? "localhost"))
    }
}

/// A setting that cannot work, said at start-up rather than at the first mail.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
