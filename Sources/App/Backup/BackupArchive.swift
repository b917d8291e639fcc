import Crypto
import _CryptoExtras
import Foundation

/// A backup file: named files, encrypted with a key derived from a
/// passphrase (scrypt), in frames of at most a MiB sealed with AES-GCM. Each
/// frame's number and whether it is the last are authenticated with it, so a
/// file cut short, reordered or altered is refused, never half read.
///
///     "SAMENSPEL-BACKUP" version(1) salt(16) logN(1) r(1) p(1)
///     frames: length(4, big-endian) nonce+ciphertext+tag
///     inside, one stream: per file "F" nameLength(2) name size(8) bytes; then "E"
enum BackupArchive {
    static let magic = Data("SAMENSPEL-BACKUP".utf8)
    static let version: UInt8 = 1
    static let frameSize = 1 << 20
    /// scrypt with N = 2^15, r = 8, p = 1: about 32 MiB and a tenth of a second.
    static let cost = (logN: UInt8(15), r: UInt8(8), p: UInt8(1))
    static let minimumPassphraseLength = 12

    enum Failure: Error, Equatable, CustomStringConvertible {
        case passphraseTooShort
        case notABackup
        /// The first frame does not open: the passphrase is wrong, or the file damaged at its start.
        case wrongPassphrase
        case damaged
        case incomplete
        case unexpectedName(String)

        var description: String {
            switch self {
            case .passphraseTooShort: "the passphrase must be at least \(BackupArchive.minimumPassphraseLength) characters"
            case .notABackup: "this is not a Samenspel backup file"
            case .wrongPassphrase: "the passphrase is wrong (or the backup file is damaged)"
            case .damaged: "the backup file is damaged: a part of it does not match what was written"
            case .incomplete: "the backup file is incomplete: it ends before its last part"
            case .unexpectedName(let name): "the backup holds an unexpected file (\(name)); nothing was restored"
            }
        }
    }

    static func key(_ passphrase: String, salt: Data, logN: UInt8, r: UInt8, p: UInt8) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(from: Data(passphrase.utf8), salt: salt, outputByteCount: 32,
                                 rounds: 1 << Int(logN), blockSize: Int(r), parallelism: Int(p))
    }

    /// What each frame's seal authenticates besides its bytes: its place, and whether it ends the file.
    static func frameData(_ index: UInt64, last: Bool) -> Data {
        bigEndian(index, bytes: 8) + [last ? 1 : 0]
    }

    static func bigEndian(_ value: UInt64, bytes: Int) -> Data {
        Data((0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(bytes - 1 - $0))) })
    }
}
