@preconcurrency import Crypto
import Foundation

/// The secrets Samenspel needs: one to key session and CSRF tokens and the
/// BSN lookup HMAC, one for AES-GCM field encryption. From the environment
/// (base64, 32 bytes each), or for the embedded default from a key file that
/// is generated on first start with mode 0600.
public struct Keys: Sendable {
    public let session: SymmetricKey
    public let field: SymmetricKey

    /// Keys the access log's hash chain and its checkpoints. Derived from the
    /// session key, so it lives wherever that key lives and never in the
    /// database; a separate purpose, so a MAC made for one use never fits another.
    /// Derived once here: every logged change in a transaction needs it.
    public let audit: SymmetricKey

    public init(session: SymmetricKey, field: SymmetricKey) {
        self.session = session
        self.field = field
        self.audit = HKDF<SHA256>.deriveKey(inputKeyMaterial: session, info: Data("samenspel access log chain v1".utf8), outputByteCount: 32)
    }

    public static func random() -> Keys {
        Keys(session: SymmetricKey(size: .bits256), field: SymmetricKey(size: .bits256))
    }

    public enum LoadError: Error, CustomStringConvertible {
        case invalid(String)
        case unreadable(String)
        case missing

        public var description: String {
            switch self {
            case .invalid(let name): "\(name) must be 32 bytes, base64-encoded"
            case .missing: "with DATABASE_URL set, SAMENSPEL_SESSION_KEY and SAMENSPEL_FIELD_KEY must be set (32 random bytes each, base64: openssl rand -base64 32)"
            case .unreadable(let path): "the key file \(path) is unreadable or malformed; restore it from backup (it cannot be regenerated without losing encrypted data)"
            }
        }
    }

    static func load(environment env: [String: String], keyFile: String?) throws -> Keys {
        if let session = env["SAMENSPEL_SESSION_KEY"], let field = env["SAMENSPEL_FIELD_KEY"] {
            return Keys(
                session: try decode(session, name: "SAMENSPEL_SESSION_KEY"),
                field: try decode(field, name: "SAMENSPEL_FIELD_KEY")
            )
        }
        guard let keyFile else { throw LoadError.missing }
        if FileManager.default.fileExists(atPath: keyFile) {
            guard let data = FileManager.default.contents(atPath: keyFile),
                  let stored = try? JSONDecoder().decode([String: String].self, from: data),
                  let session = stored["session"], let field = stored["field"]
            else { throw LoadError.unreadable(keyFile) }
            return Keys(session: try decode(session, name: keyFile), field: try decode(field, name: keyFile))
        }
        let keys = Keys.random()
        guard FileManager.default.createFile(atPath: keyFile, contents: try keys.fileContents(), attributes: [.posixPermissions: 0o600]) else {
            throw LoadError.unreadable(keyFile)
        }
        return keys
    }

    /// The keys as the key file holds them (and a backup carries them).
    func fileContents() throws -> Data {
        try JSONEncoder().encode(["session": session.base64, "field": field.base64])
    }

    private static func decode(_ base64: String, name: String) throws -> SymmetricKey {
        guard let data = Data(base64Encoded: base64), data.count == 32 else { throw LoadError.invalid(name) }
        return SymmetricKey(data: data)
    }
}

extension SymmetricKey {
    var base64: String { withUnsafeBytes { Data($0).base64EncodedString() } }
}
