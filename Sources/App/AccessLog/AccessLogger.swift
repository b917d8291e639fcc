@preconcurrency import Crypto
import Domain
import Fluent
import SQLKit
import Vapor

/// Appends to the access log. The only writer of `access_log_entries`.
enum AccessLogger {
    /// Appends `record` to its tenant's chain. Runs inside the caller's
    /// transaction when there is one, so the entry and the change it records
    /// are written together or not at all.
    static func append(_ record: AuditRecord, key: SymmetricKey, on db: any Database) async throws {
        try await append([record], key: key, on: db)
    }

    /// Appends `records`, in order, with one transaction per chain: the head
    /// moves on by their number at once, and they go in as one insert.
    static func append(_ records: [AuditRecord], key: SymmetricKey, on db: any Database) async throws {
        for (chain, records) in Dictionary(grouping: records, by: { AccessLogEntry.chainKey(for: $0.tenantID) }) {
            try await db.transaction { tx in
                let sql = tx as! any SQLDatabase
                let head = try await advance(chain, by: records.count, on: sql)
                var previous = head.sequence == records.count ? AuditChain.genesis : head.hash
                var entries: [AccessLogEntry] = []
                for (offset, record) in records.enumerated() {
                    var entry = record
                    entry.sequence = head.sequence - records.count + 1 + offset
                    let hash = AuditChain.hash(entry, previous: previous, key: key)
                    entries.append(AccessLogEntry(chain: chain, record: entry, previousHash: previous, hash: hash))
                    previous = hash
                }
                try await entries.create(on: tx)
                try await sql.raw("UPDATE access_log_heads SET hash = \(bind: previous) WHERE chain = \(bind: chain)").run()
            }
        }
    }

    /// Moves the chain's head `count` on and returns its new sequence with the
    /// hash it had. The update takes the row lock first, which serialises
    /// appenders to this chain; a chain's first append creates its head.
    private static func advance(_ chain: String, by count: Int, on sql: any SQLDatabase) async throws -> (sequence: Int, hash: String) {
        let step: SQLQueryString = "UPDATE access_log_heads SET sequence = sequence + \(literal: count) WHERE chain = \(bind: chain) RETURNING sequence, hash"
        var head = try await sql.raw(step).first()
        if head == nil {
            try await sql.raw("""
                INSERT INTO access_log_heads (id, chain, sequence, hash, keyed) VALUES (\(bind: UUID()), \(bind: chain), 0, '', \(bind: true))
                ON CONFLICT (chain) DO NOTHING
                """).run()
            head = try await sql.raw(step).first()
        }
        guard let head else { throw Abort(.internalServerError, reason: "access log head vanished") }
        return (try head.decode(column: "sequence", as: Int.self), try head.decode(column: "hash", as: String.self))
    }
}

extension Request {
    /// Logs an event done by the signed-in user (or on a login page, by the
    /// person named), with the request's client address as source.
    func audit(
        _ event: String, outcome: AuditRecord.Outcome, basis: AccessBasis,
        tenantID: UUID? = nil, user: User? = nil, subjectID: UUID? = nil, purpose: String? = nil,
        objectType: String? = nil, objectID: String? = nil, userName: String? = nil,
        on db: (any Database)? = nil
    ) async throws {
        let actor = self.actor
        let record = AuditRecord(
            occurredAt: Date(), event: event, outcome: outcome,
            tenantID: tenantID ?? actor?.tenantID ?? user?.tenantID,
            userID: actor?.userID ?? user?.id,
            userName: actor?.username ?? user?.username ?? userName.map { String($0.prefix(64)) },
            organizationID: actor?.organizationID ?? user?.organizationID,
            role: actor?.role.rawValue ?? user?.role,
            subjectID: subjectID, purpose: purpose, basis: basis,
            objectType: objectType, objectID: objectID,
            source: "web \(clientAddress)"
        )
        if let db {
            try await AccessLogger.append(record, key: application.config.keys.audit, on: db)
        } else {
            try await application.accessLogBatcher.append(record)
        }
    }
}
