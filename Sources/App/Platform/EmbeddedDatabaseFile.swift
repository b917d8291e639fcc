import Foundation

/// The embedded database holds residents' data: its file is readable by its
/// owner only, as the key file is. SQLite gives the `-wal` and `-shm` files
/// it creates the main file's mode, so creating that one 0600 (and tightening
/// files an earlier version left 0644) covers all three.
enum EmbeddedDatabaseFile {
    static func prepare(_ path: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        for file in [path, path + "-wal", path + "-shm"] where manager.fileExists(atPath: file) {
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }
}
