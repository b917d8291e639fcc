@preconcurrency import Crypto
import Foundation

/// A signed note of one chain's head — its sequence and hash at a moment —
/// kept outside the database (an append-only file, the server log). Whoever
/// can write to the database can cut the log short and move its head back;
/// they cannot make an earlier checkpoint forget what it recorded, nor forge
/// one without the key.
public struct AuditCheckpoint: Equatable, Sendable {
    public let chain: String
    public let sequence: Int
    public let hash: String
    public let writtenAt: Date
    public let mac: String

    public init(chain: String, sequence: Int, hash: String, writtenAt: Date, key: SymmetricKey) {
        self.chain = chain
        self.sequence = sequence
        self.hash = hash
        self.writtenAt = AuditRecord.truncatedToMilliseconds(writtenAt)
        self.mac = Self.mac(chain: chain, sequence: sequence, hash: hash, writtenAt: self.writtenAt, key: key)
    }

    private init(chain: String, sequence: Int, hash: String, writtenAt: Date, mac: String) {
        self.chain = chain
        self.sequence = sequence
        self.hash = hash
        self.writtenAt = writtenAt
        self.mac = mac
    }

    public func isAuthentic(key: SymmetricKey) -> Bool {
        Self.mac(chain: chain, sequence: sequence, hash: hash, writtenAt: writtenAt, key: key) == mac
    }

    /// One line: `checkpoint v1 <milliseconds> <chain> <sequence> <hash> <mac>`.
    public var line: String {
        "checkpoint v1 \(Self.milliseconds(writtenAt)) \(chain) \(sequence) \(hash) \(mac)"
    }

    /// A line as `line` writes it, or nil. Lines may carry a log prefix before "checkpoint".
    public static func parse(_ line: some StringProtocol) -> AuditCheckpoint? {
        let words = line.split(separator: " ")
        guard let start = words.firstIndex(of: "checkpoint"), words.count - start == 7, words[start + 1] == "v1",
              let milliseconds = Int64(words[start + 2]), let sequence = Int(words[start + 4]), sequence > 0
        else { return nil }
        return AuditCheckpoint(
            chain: String(words[start + 3]), sequence: sequence, hash: String(words[start + 5]),
            writtenAt: Date(timeIntervalSince1970: Double(milliseconds) / 1000), mac: String(words[start + 6])
        )
    }

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    private static func mac(chain: String, sequence: Int, hash: String, writtenAt: Date, key: SymmetricKey) -> String {
        let text = "checkpoint|\(chain.utf8.count):\(chain)|\(sequence)|\(hash)|\(milliseconds(writtenAt))"
        return Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)).hexString
    }
}
