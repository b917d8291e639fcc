import Domain
import Fluent

/// Walks every chain and reports the first entry that no longer fits:
/// what `samenspel audit verify` runs.
enum AuditVerifier {
    struct ChainReport: Sendable {
        let chain: String
        let finding: AuditChain.Finding
    }

    static func verifyAll(on db: any Database, batchSize: Int = 1000) async throws -> [ChainReport] {
        let heads = try await AccessLogHead.query(on: db).sort(\.$chain).all()
        var reports: [ChainReport] = []
        for head in heads {
            reports.append(ChainReport(chain: head.chain, finding: try await verify(chain: head.chain, head: head, on: db, batchSize: batchSize)))
        }
        return reports
    }

    static func verify(chain: String, head: AccessLogHead, on db: any Database, batchSize: Int) async throws -> AuditChain.Finding {
        var walker = AuditChain.Walker()
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
        // Entries deleted from the end leave the head pointing past the log.
        if walker.count != head.sequence {
            return .broken(sequence: walker.count + 1, reason: .sequenceGap)
        }
        return .intact(count: walker.count)
    }
}
