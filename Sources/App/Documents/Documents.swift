import Domain
import Fluent
import Foundation
import Vapor

/// Taking in, handing out and deleting documents. The row and its
/// access-log entry are one transaction with the write of the sealed
/// content; when any of it fails, nothing of the document stays.
enum Documents {
    /// What a form or the API sent, before it is checked.
    struct Upload {
        let fileName: String
        let bytes: [UInt8]
        let domain: LifeDomain
        let sharedWithResident: Bool
        var goalID: UUID?
        var conversationID: UUID?
    }

    static func store(_ app: Application) -> DocumentStore {
        DocumentStore(directory: app.config.dataDirectory + "/documents", cipher: FieldCipher(key: app.config.keys.field))
    }

    /// The file's name as shown and offered for download: the last path part, no control characters, at most 120 characters.
    static func displayName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        return String(clean.suffix(120))
    }

    static func add(_ upload: Upload, type: DocumentType, in opened: ResidentAccess.Opened, context: Context, store: DocumentStore,
                    now: Date = Date()) async throws -> Document {
        let cipher = FieldCipher(key: context.keys.field)
        let document = Document(householdID: opened.householdID, tenantID: opened.tenantID, domain: upload.domain,
                                nameEncrypted: try cipher.seal(displayName(upload.fileName)), type: type, byteCount: upload.bytes.count,
                                sha256: DocumentStore.digest(upload.bytes), sharedWithResident: upload.sharedWithResident || context.actor.role == .resident,
                                by: context.actor, at: now)
        (document.goalID, document.conversationID) = (upload.goalID, upload.conversationID)
        let id = try document.requireID()
        do {
            try await context.db.transaction { tx in
                try await document.create(on: tx)
                try await context.auditChange("document.created", in: opened, purpose: "detail:\(upload.domain.rawValue)",
                                              objectType: "document", objectID: id.uuidString, on: tx)
                try store.write(upload.bytes, id: id, tenantID: opened.tenantID)
            }
        } catch {
            store.remove(id: id, tenantID: opened.tenantID)
            throw error
        }
        return document
    }

    /// Removes the content and the name; the row stays as a tombstone, and the timeline says who deleted it when.
    static func delete(_ document: Document, in opened: ResidentAccess.Opened, context: Context, store: DocumentStore, now: Date = Date()) async throws {
        guard opened.mayDelete(document, by: context.actor) else { throw AppError.forbidden }
        let emptied = try FieldCipher(key: context.keys.field).seal("")
        try await context.db.transaction { tx in
            try await tx.sql.update(Document.schema).set("deleted_at", to: now).set("deleted_by", to: context.actor.userID)
                .set("name_encrypted", to: emptied)
                .where("tenant_id", .equal, document.tenantID).where("id", .equal, try document.requireID()).run()
            try await context.auditChange("document.deleted", in: opened, purpose: "detail:\(document.domain)",
                                          objectType: "document", objectID: document.id?.uuidString, on: tx)
        }
        store.remove(id: try document.requireID(), tenantID: document.tenantID)
    }

    /// The document's content as a download: its verified type, its name, never cached, never sniffed.
    static func download(_ document: Document, store: DocumentStore, cipher: FieldCipher) throws -> Response {
        guard !document.isDeleted else { throw AppError.notFound }
        let bytes: Data
        do {
            bytes = try store.read(id: try document.requireID(), tenantID: document.tenantID, sha256: document.sha256)
        } catch {
            // Gone from disk, or not what came in (it does not open, or its hash differs): nothing to hand out, never something else.
            throw AppError.notFound
        }
        let response = Response(status: .ok, body: .init(data: bytes))
        response.headers.replaceOrAdd(name: .contentType, value: document.contentType)
        let name = cipher.openOrNil(document.nameEncrypted) ?? "document"
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}
