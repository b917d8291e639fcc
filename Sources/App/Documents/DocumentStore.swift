import Crypto
import Foundation

/// Documents' content on disk under the data directory, one file per
/// document, sealed with the field key (AES-GCM). A document is written to
/// a temporary name and renamed into place, so an interrupted write leaves
/// nothing under a document's name; what is read back is checked against
/// the SHA-256 taken when it came in.
struct DocumentStore: Sendable {
    let directory: String
    let cipher: FieldCipher

    enum StoreError: Error { case missing, altered }

    static func digest(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).hexString }

    private func path(_ id: UUID, tenantID: UUID) -> URL {
        URL(fileURLWithPath: directory).appendingPathComponent(tenantID.uuidString.lowercased()).appendingPathComponent(id.uuidString.lowercased() + ".sealed")
    }

    /// Seals and writes the content; the caller records the row in the same
    /// transaction, and removes the file again when that fails.
    func write(_ bytes: [UInt8], id: UUID, tenantID: UUID) throws {
        let target = path(id, tenantID: tenantID)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.appendingPathExtension("part")
        try cipher.seal(bytes: Data(bytes)).write(to: temporary, options: .atomic)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.moveItem(at: temporary, to: target)
    }

    func read(id: UUID, tenantID: UUID, sha256: String) throws -> Data {
        guard let sealed = FileManager.default.contents(atPath: path(id, tenantID: tenantID).path) else { throw StoreError.missing }
        let bytes = try cipher.open(bytes: sealed)
        guard Self.digest(Array(bytes)) == sha256 else { throw StoreError.altered }
        return bytes
    }

    func remove(id: UUID, tenantID: UUID) {
        try? FileManager.default.removeItem(at: path(id, tenantID: tenantID))
    }
}
