@preconcurrency import Crypto
import Foundation

/// AES-GCM encryption for sensitive free text and identifiers at rest. The
/// stored form is base64 of nonce ‖ ciphertext ‖ tag, prefixed with a version
/// so keys can be rotated later.
public struct FieldCipher: Sendable {
    private let key: SymmetricKey
    private static let prefix = "v1:"

    public init(key: SymmetricKey) { self.key = key }

    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key)
        guard let combined = box.combined else { throw CipherError.sealFailed }
        return Self.prefix + combined.base64EncodedString()
    }

    public func open(_ stored: String) throws -> String {
        guard stored.hasPrefix(Self.prefix),
              let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count)))
        else { throw CipherError.malformed }
        let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key)
        guard let text = String(data: plain, encoding: .utf8) else { throw CipherError.malformed }
        return text
    }

    /// Bytes sealed the same way, without the text encoding: a document on disk.
    public func seal(bytes: Data) throws -> Data {
        guard let combined = try AES.GCM.seal(bytes, using: key).combined else { throw CipherError.sealFailed }
        return Data(Self.prefix.utf8) + combined
    }

    public func open(bytes stored: Data) throws -> Data {
        guard stored.starts(with: Data(Self.prefix.utf8)) else { throw CipherError.malformed }
        return try AES.GCM.open(AES.GCM.SealedBox(combined: stored.dropFirst(Self.prefix.utf8.count)), using: key)
    }

    /// The plaintext, or nil for nothing stored or something that does not open.
    public func openOrNil(_ stored: String?) -> String? { stored.flatMap { try? open($0) } }

    public enum CipherError: Error { case sealFailed, malformed }
}

/// Keyed digests: lookups of secret values (session tokens, BSNs) without
/// storing them, and tokens that only this server can mint.
public struct KeyedHash: Sendable {
    private let key: SymmetricKey
    public init(key: SymmetricKey) { self.key = key }

    public func hex(_ value: String, purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(purpose)|\(value)".utf8), using: key)
        return mac.hexString
    }
}

/// Random tokens for cookies, invitations and codes.
enum RandomToken {
    static func urlSafe(bytes: Int = 32) -> String {
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max) })
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
