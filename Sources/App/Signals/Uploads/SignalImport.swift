import Domain
import Fluent
import Foundation
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Imports a checked file in the background, `chunk` rows per transaction,
/// each chunk committing the signals with the progress the page shows. One
/// server at a time holds an import (a claim that runs out); another takes
/// it over where it stopped. Taking a signal in twice is harmless — the
/// partner's reference makes it the same signal — so a chunk interrupted
/// halfway is simply done again.
struct SignalImport {
    let db: any Database
    let keys: Keys
    let store: DocumentStore
    /// Rows per transaction: short enough that other requests on SQLite's one writer never wait long.
    var chunk = 100
    var claim: TimeInterval = 120

    init(db: any Database, keys: Keys, store: DocumentStore) {
        (self.db, self.keys, self.store) = (db, keys, store)
    }

    init(_ app: Application) {
        self.init(db: app.db, keys: app.config.keys, store: SignalUploads.store(app))
    }

    /// Every import of the tenant that waits for a server, one after another.
    func runWaiting(tenantID: UUID, today: CivilDay = .today()) async throws {
        let waiting = try await SignalUpload.select(in: tenantID, where: "status = \(bind: SignalUploadStatus.importing.rawValue)", orderBy: "created_at", on: db)
        for upload in waiting { try await run(try upload.requireID(), tenantID: tenantID, today: today) }
    }

    /// Imports the file unless another server holds it; returns whether this one did.
    @discardableResult
    func run(_ id: UUID, tenantID: UUID, today: CivilDay = .today()) async throws -> Bool {
        guard try await take(id, tenantID: tenantID),
              let upload = try await SignalUpload.select(in: tenantID, where: "id = \(bind: id)", limit: 1, on: db).first,
              let mapping = upload.columnMapping else { return false }
        let partner = try await SignalPartner.select(in: tenantID, where: "organization_id = \(bind: upload.organizationID)", limit: 1, on: db).first
        let reader = try SignalUploads.file(upload, store: store)
        var check = SignalFileCheck(header: reader.header, mapping: mapping, allowed: partner?.allowed ?? [:], today: today)
        let combineDays = try await SignalSettings.rules(of: tenantID, on: db).combineDays
        var (index, pending): (Int, [SignalFacts]) = (0, [])
        while let values = reader.next() {
            index += 1
            // Every row is checked again, so a repeat is still told from its first.
            let facts = check.check(values, row: index + 1)
            guard index > upload.rowsDone else { continue }
            if let facts { pending.append(facts) }
            if index % chunk == 0 {
                try await commit(pending, through: index, of: upload, combineDays: combineDays)
                pending = []
            }
        }
        try await commit(pending, through: index, of: upload, combineDays: combineDays)
        try await finish(upload)
        return true
    }

    /// Takes the import for this server until the claim runs out.
    private func take(_ id: UUID, tenantID: UUID, now: Date = Date()) async throws -> Bool {
        try await db.sql.raw("""
            UPDATE signal_uploads SET claimed_until = \(bind: now.addingTimeInterval(claim))
            WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id) AND status = \(bind: SignalUploadStatus.importing.rawValue)
              AND (claimed_until IS NULL OR claimed_until < \(bind: now)) RETURNING id
            """).first() != nil
    }

    /// The signals of rows up to `index`, with the progress and a renewed claim, in one transaction.
    private func commit(_ facts: [SignalFacts], through index: Int, of upload: SignalUpload, combineDays: Int) async throws {
        try await Self.retryingBusy { try await db.transaction { tx in
            let intake = SignalIntake(db: tx, keys: keys, windowDays: combineDays)
            var created = 0
            for signal in facts where try await intake.receive(signal, from: upload.organizationID, tenantID: upload.tenantID).created { created += 1 }
            try await tx.sql.update(SignalUpload.schema)
                .set("rows_done", to: index).set("claimed_until", to: Date().addingTimeInterval(claim))
                .set(SQLIdentifier("signals_new"), to: SQLBinaryExpression(SQLIdentifier("signals_new"), .add, SQLBind(created)))
                .where("tenant_id", .equal, upload.tenantID).where("id", .equal, try upload.requireID()).run()
        } }
        try await QueryPlannerStatistics.keepCurrent(on: db)
    }

    /// SQLite takes one writer at a time, and a transaction that read before
    /// another committed cannot write: a chunk that found the file busy is
    /// tried again — it is one transaction, so nothing of it stayed.
    static func retryingBusy<T: Sendable>(attempts: Int = 20, _ work: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await work()
            } catch let error as SQLiteError where attempt < attempts && Self.isBusy(error.reason) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(25 * attempt))
            }
        }
    }

    static func isBusy(_ reason: SQLiteError.Reason) -> Bool {
        switch reason {
        case .busy, .locked, .busyInSnapshot, .busyTimeout, .busyInRecovery: true
        default: false
        }
    }

    private func finish(_ upload: SignalUpload) async throws {
        let id = try upload.requireID()
        try await Self.retryingBusy { try await db.transaction { tx in
            try await tx.sql.update(SignalUpload.schema)
                .set("status", to: SignalUploadStatus.imported.rawValue).set("finished_at", to: Date()).set("claimed_until", to: SQLLiteral.null)
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
                .where("tenant_id", .equal, upload.tenantID).where("id", .equal, id).run()
            let record = AuditRecord(occurredAt: Date(), event: "signal_upload.imported", outcome: .success, tenantID: upload.tenantID, userID: upload.userID,
                                     userName: "samenspel", organizationID: upload.organizationID, role: "system", basis: .administration,
                                     objectType: "signal_upload", objectID: id.uuidString, source: "job signal-import")
            try await AccessLogger.append(record, key: keys.audit, on: tx)
        } }
        // Imported, the file is no longer needed: what it said is in the signals.
        store.remove(id: id, tenantID: upload.tenantID)
    }
}

extension RepeatingJob {
    /// Imports waiting for a server — one whose server stopped, or that no
    /// server started yet — are taken up every `seconds`.
    static func signalImports(every seconds: TimeInterval) -> RepeatingJob {
        RepeatingJob(name: "signal imports", interval: every(seconds)) { app in
            for tenant in try await Tenant.query(on: app.db).all() {
                try await SignalImport(app).runWaiting(tenantID: try tenant.requireID())
            }
        }
    }
}
