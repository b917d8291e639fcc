import Crypto
import Foundation

/// Writes a backup file (`BackupArchive`) a frame at a time, so a database of
/// gigabytes never has to fit in memory. The file is made readable by its
/// owner only, and is synced to disk before `finish` returns.
final class BackupWriter {
    private let handle: FileHandle
    private let key: SymmetricKey
    private var pending = Data()
    private var index: UInt64 = 0

    init(creating path: String, passphrase: String) throws {
        guard passphrase.count >= BackupArchive.minimumPassphraseLength else { throw BackupArchive.Failure.passphraseTooShort }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let salt = Data((0..<16).map { _ in UInt8.random(in: .min ... .max) })
        let cost = BackupArchive.cost
        key = try BackupArchive.key(passphrase, salt: salt, logN: cost.logN, r: cost.r, p: cost.p)
        try handle.write(contentsOf: BackupArchive.magic + [BackupArchive.version] + salt + [cost.logN, cost.r, cost.p])
    }

    /// Adds the file at `path` under `name`; it must not change while it is copied.
    func add(file path: String, as name: String) throws {
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value ?? 0
        let nameBytes = Data(name.utf8)
        try append(Data("F".utf8) + BackupArchive.bigEndian(UInt64(nameBytes.count), bytes: 2) + nameBytes + BackupArchive.bigEndian(size, bytes: 8))
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? input.close() }
        var copied: UInt64 = 0
        while let chunk = try input.read(upToCount: BackupArchive.frameSize), !chunk.isEmpty {
            guard copied + UInt64(chunk.count) <= size else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path]) }
            try append(chunk)
            copied += UInt64(chunk.count)
        }
        guard copied == size else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path]) }
    }

    func finish() throws {
        try append(Data("E".utf8))
        try seal(pending, last: true)
        try handle.synchronize()
        try handle.close()
    }

    /// Seals whole frames as they fill; the last frame always holds at least the end mark.
    private func append(_ data: Data) throws {
        pending.append(data)
        while pending.count > BackupArchive.frameSize {
            try seal(pending.prefix(BackupArchive.frameSize), last: false)
            pending = Data(pending.dropFirst(BackupArchive.frameSize))
        }
    }

    private func seal(_ plain: Data, last: Bool) throws {
        let box = try AES.GCM.seal(plain, using: key, authenticating: BackupArchive.frameData(index, last: last))
        guard let combined = box.combined else { throw BackupArchive.Failure.damaged }
        try handle.write(contentsOf: BackupArchive.bigEndian(UInt64(combined.count), bytes: 4) + combined)
        index += 1
    }
}
