@preconcurrency import Crypto
import Foundation

/// The per-tenant chain: each entry's hash is an HMAC, under a key kept
/// outside the database, over its fields and the previous entry's hash. So
/// whoever can write to the database but lacks the key cannot rewrite an
/// entry and recompute the rest; signed checkpoints kept outside the database
/// catch a log cut short with its head moved back.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)

    public static func hash(_ record: AuditRecord, previous: String, key: SymmetricKey) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data((previous + "\n" + record.canonical).utf8), using: key)).hexString
    }

    /// The unkeyed SHA-256 of chains written before the key: read only to
    /// check such a chain once before it is sealed with the key.
    public static func legacyHash(_ record: AuditRecord, previous: String) -> String {
        SHA256.hash(data: Data((previous + "\n" + record.canonical).utf8)).hexString
    }

    public enum Finding: Equatable, Sendable {
        case intact(count: Int)
        case broken(sequence: Int, reason: Reason)
    }

    public enum Reason: String, Equatable, Sendable {
        case hashMismatch = "hash does not match the entry's contents"
        case previousMismatch = "previous hash does not match the entry before it"
        case sequenceGap = "sequence number missing or out of order"
        case checkpointMismatch = "entry differs from the checkpoint recorded outside the database"
        case truncated = "entries recorded by a checkpoint outside the database are missing"
        case forgedCheckpoint = "a checkpoint's signature does not match: forged, or written with another key"
    }

    /// Walks entries in sequence order and reports the first that does not fit,
    /// also against the chain's checkpoints. Fed one entry at a time, so a long
    /// log is checked in batches.
    public struct Walker {
        public private(set) var count = 0
        private var expectedPrevious = AuditChain.genesis
        private let key: SymmetricKey
        private let legacy: Bool
        private var checkpoints: [Int: String] = [:]
        private var forged: Int?

        /// `legacy` checks the unkeyed chain of before the key.
        public init(key: SymmetricKey, checkpoints: [AuditCheckpoint] = [], legacy: Bool = false) {
            self.key = key
            self.legacy = legacy
            for checkpoint in checkpoints {
                if checkpoint.isAuthentic(key: key) { self.checkpoints[checkpoint.sequence] = checkpoint.hash }
                else { forged = min(forged ?? .max, checkpoint.sequence) }
            }
        }

        public mutating func check(_ record: AuditRecord, previousHash: String, hash recorded: String) -> Finding? {
            if record.sequence != count + 1 {
                return .broken(sequence: record.sequence, reason: .sequenceGap)
            }
            if previousHash != expectedPrevious {
                return .broken(sequence: record.sequence, reason: .previousMismatch)
            }
            let computed = legacy ? AuditChain.legacyHash(record, previous: previousHash) : AuditChain.hash(record, previous: previousHash, key: key)
            if computed != recorded {
                return .broken(sequence: record.sequence, reason: .hashMismatch)
            }
            if let expected = checkpoints[record.sequence], expected != recorded {
                return .broken(sequence: record.sequence, reason: .checkpointMismatch)
            }
            expectedPrevious = recorded
            count += 1
            return nil
        }

        /// After the last entry: the head must point at it, and no checkpoint may lie beyond it.
        public func finish(headSequence: Int) -> Finding {
            if let forged { return .broken(sequence: forged, reason: .forgedCheckpoint) }
            if let furthest = checkpoints.keys.max(), furthest > count {
                return .broken(sequence: count + 1, reason: .truncated)
            }
            // Entries deleted from the end leave the head pointing past the log.
            if count != headSequence { return .broken(sequence: count + 1, reason: .sequenceGap) }
            return .intact(count: count)
        }
    }
}
