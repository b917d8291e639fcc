import Foundation
import Testing
@testable import App

/// The backup file's format: what goes in comes out, and anything wrong —
/// passphrase, a cut, a changed byte, a name it should not hold — is refused.
@Suite("Backup archive")
struct BackupArchiveTests {
    let passphrase = "een lange zin als wachtwoord"

    /// A directory with two files, one spanning several frames; and where to write the backup.
    func fixture() throws -> (directory: String, files: [String: Data], backup: String) {
        let directory = NSTemporaryDirectory() + "samenspel-archive-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var random = SystemRandomNumberGenerator()
        let files = [Backup.sqliteDatabase: Data((0..<(BackupArchive.frameSize * 2 + 12_345)).map { _ in UInt8.random(in: 0...255, using: &random) }),
                     Backup.keys: Data(#"{"session":"…","field":"…"}"#.utf8)]
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: "\(directory)/\(name)")) }
        return (directory, files, "\(directory)/backup")
    }

    func write(_ fixture: (directory: String, files: [String: Data], backup: String)) throws {
        let writer = try BackupWriter(creating: fixture.backup, passphrase: passphrase)
        for name in fixture.files.keys.sorted() { try writer.add(file: "\(fixture.directory)/\(name)", as: name) }
        try writer.finish()
    }

    func extract(_ backup: String, passphrase: String? = nil, allowed: Set<String> = Backup.names) throws -> [String: Data] {
        let target = NSTemporaryDirectory() + "samenspel-extract-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: target) }
        var reader = try BackupReader(opening: backup, passphrase: passphrase ?? self.passphrase)
        let names = try reader.extract(to: target, allowed: allowed)
        return Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: "\(target)/\($0)"))) })
    }

    @Test func whatGoesInComesOut() throws {
        let fixture = try fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        try write(fixture)
        #expect(try extract(fixture.backup) == fixture.files)
        let written = try Data(contentsOf: URL(fileURLWithPath: fixture.backup))
        #expect(written.range(of: fixture.files[Backup.keys]!) == nil, "nothing of a file shows in the backup")
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.backup)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func anythingWrongIsRefused() throws {
        let fixture = try fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        try write(fixture)
        let whole = try Data(contentsOf: URL(fileURLWithPath: fixture.backup))
        func variant(_ data: Data) throws -> String {
            let path = fixture.backup + "-\(UUID().uuidString)"
            try data.write(to: URL(fileURLWithPath: path))
            return path
        }
        #expect(throws: BackupArchive.Failure.wrongPassphrase) { try extract(fixture.backup, passphrase: "een andere zin als wachtwoord") }
        #expect(throws: BackupArchive.Failure.incomplete) { try extract(try variant(whole.dropLast(100))) }
        // The last frame cut off whole: the frames before it are sound, but the end is missing.
        var frameStarts: [Int] = [], offset = BackupArchive.magic.count + 20
        while offset < whole.count {
            frameStarts.append(offset)
            offset += 4 + Int(BackupReader.number(whole[offset..<offset + 4]))
        }
        #expect(frameStarts.count == 3)
        #expect(throws: BackupArchive.Failure.incomplete) { try extract(try variant(whole.prefix(frameStarts.last!))) }
        // Two frames swapped: each is sound alone, but not in that place.
        let swapped = whole.prefix(frameStarts[1]) + whole[frameStarts[2]...] + whole[frameStarts[1]..<frameStarts[2]]
        #expect(throws: BackupArchive.Failure.damaged) { try extract(try variant(Data(swapped))) }
        var changed = whole
        changed[changed.count / 2] ^= 0x01
        #expect(throws: BackupArchive.Failure.damaged) { try extract(try variant(changed)) }
        #expect(throws: BackupArchive.Failure.notABackup) { try extract(try variant(Data("SQLite format 3\0".utf8) + whole.dropFirst(16))) }
        #expect(throws: BackupArchive.Failure.unexpectedName(Backup.keys)) { try extract(fixture.backup, allowed: [Backup.sqliteDatabase]) }
        #expect(throws: BackupArchive.Failure.passphraseTooShort) { try BackupWriter(creating: fixture.backup + "-short", passphrase: "kort") }
    }
}
