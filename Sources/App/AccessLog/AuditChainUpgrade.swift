@preconcurrency import Crypto
import Domain
import Fluent
import SQLKit
import Vapor

/// Seals chains written before the access log was keyed: each is checked
/// with the old unkeyed hash and, when intact, its hashes are recomputed with
/// the key in one transaction that holds the head's lock. A chain that is
/// already broken is left as it is, so `audit verify` keeps reporting it.
enum AuditChainUpgrade {
    static func run(_ app: Application) async throws {
        let sql = app.db.sql
        let chains = try await sql.raw("SELECT chain FROM access_log_heads WHERE keyed = \(bind: false)").all()
            .map { try $0.decode(column: "chain", as: String.self) }
        for chain in chains {
            do {
                try await seal(chain, key: app.config.keys.audit, on: app.db)
                app.logger.notice("access log chain \(chain) sealed with the audit key")
            } catch let failure as LegacyChainBroken {
                app.logger.critical("access log chain \(chain) was already broken before it was keyed: \(failure.finding)")
            }
        }
    }

    struct LegacyChainBroken: Error { let finding: AuditChain.Finding }

    static func seal(_ chain: String, key: SymmetricKey, on db: any Database) async throws {
        try await db.transaction { tx in
            let sql = tx.sql
            // Taking the head first locks out appenders, and a second server doing the same.
            guard let head = try await sql.raw("UPDATE access_log_heads SET keyed = \(bind: true) WHERE chain = \(bind: chain) AND keyed = \(bind: false) RETURNING sequence").first()
            else { return }
            let entries = try await AccessLogEntry.query(on: tx).filter(\.$chain == chain).sort(\.$sequence).all()
            var walker = AuditChain.Walker(key: key, legacy: true)
            for entry in entries {
                if let broken = walker.check(entry.record, previousHash: entry.previousHash, hash: entry.hash) { throw LegacyChainBroken(finding: broken) }
            }
            let finding = walker.finish(headSequence: try head.decode(column: "sequence", as: Int.self))
            guard case .intact = finding else { throw LegacyChainBroken(finding: finding) }
            var previous = AuditChain.genesis
            for entry in entries {
                let hash = AuditChain.hash(entry.record, previous: previous, key: key)
                try await sql.raw("UPDATE access_log_entries SET previous_hash = \(bind: previous), hash = \(bind: hash) WHERE chain = \(bind: chain) AND sequence = \(bind: entry.sequence)").run()
                previous = hash
            }
            try await sql.raw("UPDATE access_log_heads SET hash = \(bind: previous) WHERE chain = \(bind: chain)").run()
        }
    }
}
