import Domain
import Fluent
import Vapor

/// Walks every chain with the key and against the checkpoints kept outside
/// the database, and reports the first entry that no longer fits: what
/// `samenspel audit verify` runs.
enum AuditVerifier {
    struct ChainReport: Sendable {
        let chain: String
        let finding: AuditChain.Finding
    }

    static func verifyAll(_ app: Application, batchSize: Int = 1000) async throws -> [ChainReport] {
        let checkpoints = Dictionary(grouping: try AuditCheckpoints.read(app.config.auditCheckpointFile), by: \.chain)
        let heads = try await AccessLogHead.query(on: app.db).sort(\.$chain).all()
        var reports: [ChainReport] = []
        for head in heads {
            let walker = AuditChain.Walker(key: app.config.keys.audit, checkpoints: checkpoints[head.chain] ?? [])
            reports.append(ChainReport(chain: head.chain, finding: try await verify(chain: head.chain, headSequence: head.sequence, walker: walker, on: app.db, batchSize: batchSize)))
        }
        // A chain the checkpoints know of but the database does not was removed whole.
        for chain in Set(checkpoints.keys).subtracting(heads.map(\.chain)).sorted() {
            reports.append(ChainReport(chain: chain, finding: .broken(sequence: 1, reason: .truncated)))
        }
        return reports
    }

    static func verify(chain: String, headSequence: Int, walker: AuditChain.Walker, on db: any Database, batchSize: Int) async throws -> AuditChain.Finding {
        var walker = walker
        var after = 0
        while true {
            let batch = try await AccessLogEntry.query(on: db)
                .filter(\.$chain == chain).filter(\.$sequence > after)
                .sort(\.$sequence).limit(batchSize).all()
            for entry in batch {
                if let broken = walker.check(entry.record, previousHash: entry.previousHash, hash: entry.hash) {
                    return broken
                }
            }
            guard let last = batch.last else { break }
            after = last.sequence
        }
        return walker.finish(headSequence: headSequence)
    }
}
