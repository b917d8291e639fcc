import Crypto
import Foundation

/// Reads a backup file (`BackupArchive`): checks every frame as it comes and
/// writes the files it holds into a directory. Whatever is wrong — the
/// passphrase, a damaged or cut-short file, an unexpected name — throws, and
/// the caller (which extracts into a directory of its own) keeps nothing.
struct BackupReader {
    private let handle: FileHandle
    private let key: SymmetricKey
    private var plain = Data()
    private var index: UInt64 = 0
    private var sawLast = false

    init(opening path: String, passphrase: String) throws {
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        let header = try handle.read(upToCount: BackupArchive.magic.count + 1 + 16 + 3) ?? Data()
        guard header.count == BackupArchive.magic.count + 20, header.prefix(BackupArchive.magic.count) == BackupArchive.magic,
              header[header.startIndex + BackupArchive.magic.count] == BackupArchive.version
        else { throw BackupArchive.Failure.notABackup }
        let rest = Data(header.dropFirst(BackupArchive.magic.count + 1))
        let cost = rest.suffix(3).map { $0 }
        guard (10...20).contains(cost[0]), (1...16).contains(cost[1]), (1...4).contains(cost[2]) else { throw BackupArchive.Failure.notABackup }
        key = try BackupArchive.key(passphrase, salt: rest.prefix(16), logN: cost[0], r: cost[1], p: cost[2])
    }

    /// Writes each file into `directory` under its name, which must be one of
    /// `allowed`; returns the names written.
    mutating func extract(to directory: String, allowed: Set<String>) throws -> [String] {
        try extract(to: directory, allowing: allowed.contains)
    }

    /// The same, for names `allowing` accepts (a document's path under `documents/`).
    mutating func extract(to directory: String, allowing: (String) -> Bool) throws -> [String] {
        defer { try? handle.close() }
        var names: [String] = [], seen = Set<String>()
        while true {
            let mark = try read(1)
            if mark == Data("E".utf8) { break }
            guard mark == Data("F".utf8) else { throw BackupArchive.Failure.damaged }
            let name = String(decoding: try read(Int(Self.number(try read(2)))), as: UTF8.self)
            guard allowing(name), seen.insert(name).inserted else { throw BackupArchive.Failure.unexpectedName(name) }
            var remaining = Self.number(try read(8))
            let path = directory + "/" + name
            if name.contains("/") {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            }
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? output.close() }
            while remaining > 0 {
                let piece = try read(Int(min(remaining, UInt64(BackupArchive.frameSize))))
                try output.write(contentsOf: piece)
                remaining -= UInt64(piece.count)
            }
            names.append(name)
        }
        guard plain.isEmpty, sawLast, (try handle.read(upToCount: 1) ?? Data()).isEmpty else { throw BackupArchive.Failure.damaged }
        return names
    }

    /// The next `count` bytes of the stream inside the frames.
    private mutating func read(_ count: Int) throws -> Data {
        while plain.count < count {
            guard !sawLast else { throw BackupArchive.Failure.damaged }
            plain.append(try nextFrame())
        }
        defer { plain = Data(plain.dropFirst(count)) }
        return Data(plain.prefix(count))
    }

    private mutating func nextFrame() throws -> Data {
        let length = try handle.read(upToCount: 4) ?? Data()
        guard length.count == 4 else { throw BackupArchive.Failure.incomplete }
        let size = Int(Self.number(length))
        guard size <= BackupArchive.frameSize + 64 else { throw BackupArchive.Failure.damaged }
        let sealed = try handle.read(upToCount: size) ?? Data()
        guard sealed.count == size else { throw BackupArchive.Failure.incomplete }
        guard let box = try? AES.GCM.SealedBox(combined: sealed) else { throw BackupArchive.Failure.damaged }
        defer { index += 1 }
        if let opened = try? AES.GCM.open(box, using: key, authenticating: BackupArchive.frameData(index, last: false)) { return opened }
        if let opened = try? AES.GCM.open(box, using: key, authenticating: BackupArchive.frameData(index, last: true)) {
            sawLast = true
            return opened
        }
        throw index == 0 ? BackupArchive.Failure.wrongPassphrase : BackupArchive.Failure.damaged
    }

    static func number(_ bytes: Data) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
