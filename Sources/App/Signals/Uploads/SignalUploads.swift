import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// Partners' files of signals (issue 23): taken in sealed, read through a
/// column mapping saved per partner, checked row by row before anything is
/// written, then imported in the background (`SignalImport`).
enum SignalUploads {
    /// 100,000 rows of a full export is about 20 MB; room for twice that.
    static let maxBody: ByteCount = "42mb"
    static let maxBytes = 40 * 1024 * 1024
    static let maxRows = 200_000
    /// Problems kept for the page and the report: enough to correct a file, never the whole of a wrong one.
    static let keptProblems = 10_000

    enum Refusal: String, Error { case empty, unreadable, tooLarge = "too_large", tooManyRows = "too_many_rows" }

    static func store(_ app: Application) -> DocumentStore {
        DocumentStore(directory: app.config.dataDirectory + "/signal-uploads", cipher: FieldCipher(key: app.config.keys.field))
    }

    /// The partners `context` may send a file for: their own organisation
    /// when it is a signal partner; every partner for the teams that handle signals.
    static func partners(for context: Context) async throws -> [SignalPartner] {
        guard context.actor.role == .professional, let organizationID = context.actor.organizationID else { return [] }
        let all = try await SignalPartner.select(in: context.actor.tenantID, on: context.db)
        if (try? await SignalTriage.requireHandler(context)) != nil { return all }
        return all.filter { $0.organizationID == organizationID }
    }

    /// The header of a file, or why it cannot be read.
    static func header(of data: Data) throws -> [String] {
        do { return try SignalFileReader(data).header } catch { throw Refusal.unreadable }
    }

    /// Takes a file in for `partner`: sealed on disk, the row and its log entry in one transaction.
    static func receive(fileName: String, bytes: [UInt8], for partner: SignalPartner, context: Context, store: DocumentStore) async throws -> SignalUpload {
        guard !bytes.isEmpty else { throw Refusal.empty }
        guard bytes.count <= maxBytes else { throw Refusal.tooLarge }
        _ = try header(of: Data(bytes))
        let upload = SignalUpload()
        (upload.id, upload.tenantID, upload.organizationID, upload.userID) = (UUID(), partner.tenantID, partner.organizationID, context.actor.userID)
        upload.fileNameEncrypted = try FieldCipher(key: context.keys.field).seal(Documents.displayName(fileName))
        (upload.byteCount, upload.sha256, upload.status) = (bytes.count, DocumentStore.digest(bytes), SignalUploadStatus.uploaded.rawValue)
        (upload.rowsTotal, upload.rowsValid, upload.rowsRefused, upload.rowsDone, upload.signalsNew) = (0, 0, 0, 0, 0)
        (upload.createdAt, upload.version) = (Date(), 1)
        let id = try upload.requireID()
        try store.write(bytes, id: id, tenantID: upload.tenantID)
        do {
            try await context.db.transaction { tx in
                try await upload.create(on: tx)
                try await context.audit("signal_upload.received", outcome: .success, basis: .administration, objectType: "signal_upload", objectID: id.uuidString, on: tx)
            }
        } catch {
            store.remove(id: id, tenantID: upload.tenantID)
            throw error
        }
        return upload
    }

    static func file(_ upload: SignalUpload, store: DocumentStore) throws -> SignalFileReader {
        try SignalFileReader(store.read(id: try upload.requireID(), tenantID: upload.tenantID, sha256: upload.sha256))
    }

    /// The mapping to offer: the one chosen for this file, else the partner's last, else a guess from the headers.
    static func proposedMapping(for upload: SignalUpload, header: [String], on db: any Database) async throws -> ColumnMapping {
        if let chosen = upload.columnMapping { return chosen }
        let saved = try await SignalColumnMapping.select(in: upload.tenantID, where: "organization_id = \(bind: upload.organizationID)", limit: 1, on: db).first
        return saved?.columnMapping?.restricted(to: header) ?? ColumnMapping.guess(headers: header)
    }

    /// Checks every row through `mapping` and records the outcome: the
    /// counts and the problems (by row and column), the mapping kept for the
    /// partner's next file. Nothing of the file's content is written.
    static func check(_ upload: SignalUpload, mapping: ColumnMapping, allowed: [ArrearsKind: SignalConditions], today: CivilDay,
                      store: DocumentStore, context: Context) async throws {
        let reader = try file(upload, store: store)
        var check = SignalFileCheck(header: reader.header, mapping: mapping, allowed: allowed, today: today)
        var row = 1
        while let values = reader.next() {
            row += 1
            guard row - 1 <= maxRows else { throw Refusal.tooManyRows }
            _ = check.check(values, row: row)
        }
        let encoded = String(decoding: try JSONEncoder().encode(mapping), as: UTF8.self)
        let problems = String(decoding: try JSONEncoder().encode(Array(check.problems.prefix(keptProblems))), as: UTF8.self)
        let id = try upload.requireID()
        let (total, valid, refused) = (row - 1, check.validRows, check.refusedRows)
        try await context.db.transaction { tx in
            try await tx.sql.update(SignalUpload.schema)
                .set("status", to: SignalUploadStatus.checked.rawValue).set("mapping", to: encoded).set("problems", to: problems)
                .set("rows_total", to: total).set("rows_valid", to: valid).set("rows_refused", to: refused)
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
                .where("tenant_id", .equal, upload.tenantID).where("id", .equal, id).run()
            try await saveMapping(encoded, for: upload, on: tx)
            try await context.audit("signal_upload.checked", outcome: .success, basis: .administration, objectType: "signal_upload", objectID: id.uuidString, on: tx)
        }
    }

    private static func saveMapping(_ encoded: String, for upload: SignalUpload, on db: any Database) async throws {
        try await db.sql.raw("""
            INSERT INTO signal_column_mappings (tenant_id, id, organization_id, mapping, updated_at)
            VALUES (\(bind: upload.tenantID), \(bind: UUID()), \(bind: upload.organizationID), \(bind: encoded), \(bind: Date()))
            ON CONFLICT (tenant_id, organization_id) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at
            """).run()
    }

    /// Hands a checked file to the import, on the version the person saw:
    /// everything only when no row was refused. False when someone was first.
    static func startImport(_ upload: SignalUpload, mode: SignalImportMode, version: Int, context: Context) async throws -> Bool {
        let id = try upload.requireID()
        return try await context.db.transaction { tx in
            let started = try await tx.sql.update(SignalUpload.schema)
                .set("status", to: SignalUploadStatus.importing.rawValue).set("mode", to: mode.rawValue)
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
                .where("tenant_id", .equal, upload.tenantID).where("id", .equal, id).where("version", .equal, version)
                .where("status", .equal, SignalUploadStatus.checked.rawValue)
                .returning("id").first() != nil
            if started {
                try await context.audit("signal_upload.import", outcome: .success, basis: .administration, objectType: "signal_upload", objectID: id.uuidString, on: tx)
            }
            return started
        }
    }

    /// Throws the file away before it was imported; the row stays, with its counts.
    static func discard(_ upload: SignalUpload, version: Int, store: DocumentStore, context: Context) async throws -> Bool {
        let id = try upload.requireID()
        let discarded = try await context.db.transaction { tx in
            let changed = try await tx.sql.update(SignalUpload.schema)
                .set("status", to: SignalUploadStatus.discarded.rawValue).set("finished_at", to: Date())
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
                .where("tenant_id", .equal, upload.tenantID).where("id", .equal, id).where("version", .equal, version)
                .where("status", .in, [SignalUploadStatus.uploaded.rawValue, SignalUploadStatus.checked.rawValue])
                .returning("id").first() != nil
            if changed {
                try await context.audit("signal_upload.discarded", outcome: .success, basis: .administration, objectType: "signal_upload", objectID: id.uuidString, on: tx)
            }
            return changed
        }
        if discarded { store.remove(id: id, tenantID: upload.tenantID) }
        return discarded
    }
}
