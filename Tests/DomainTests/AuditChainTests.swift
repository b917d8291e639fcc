import Crypto
import Foundation
import Testing
@testable import Domain

@Suite("Access log hash chain")
struct AuditChainTests {
    let key = SymmetricKey(size: .bits256)

    func chain(_ count: Int) -> [(record: AuditRecord, previousHash: String, hash: String)] {
        var previous = AuditChain.genesis
        return (1...count).map { sequence in
            let record = AuditRecord(
                sequence: sequence, occurredAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(sequence) + 0.1234567),
                event: "login.success", outcome: .success, tenantID: UUID(), userID: UUID(), userName: "user|\(sequence)",
                basis: .authentication, source: "web 127.0.0.1"
            )
            let hash = AuditChain.hash(record, previous: previous, key: key)
            defer { previous = hash }
            return (record, previous, hash)
        }
    }

    func verify(_ entries: [(record: AuditRecord, previousHash: String, hash: String)], key: SymmetricKey? = nil,
                checkpoints: [AuditCheckpoint] = [], head: Int? = nil) -> AuditChain.Finding {
        var walker = AuditChain.Walker(key: key ?? self.key, checkpoints: checkpoints)
        for entry in entries {
            if let broken = walker.check(entry.record, previousHash: entry.previousHash, hash: entry.hash) { return broken }
        }
        return walker.finish(headSequence: head ?? entries.count)
    }

    func checkpoint(_ entries: [(record: AuditRecord, previousHash: String, hash: String)], at sequence: Int, key: SymmetricKey? = nil) -> AuditCheckpoint {
        AuditCheckpoint(chain: "t", sequence: sequence, hash: entries[sequence - 1].hash, writtenAt: Date(), key: key ?? self.key)
    }

    @Test func withoutTheKeyTheChainCannotBeRecomputed() {
        // A chain made with another key (an attacker's recomputation) does not verify.
        #expect(verify(chain(3), key: SymmetricKey(size: .bits256)) == .broken(sequence: 1, reason: .hashMismatch))
    }

    @Test func aLogCutShortBehindACheckpointIsFound() {
        let entries = chain(6)
        let checkpoints = [checkpoint(entries, at: 3), checkpoint(entries, at: 6)]
        #expect(verify(entries, checkpoints: checkpoints) == .intact(count: 6))
        // The last two deleted and the head moved back to match: the checkpoint at 6 remembers.
        #expect(verify(Array(entries.prefix(4)), checkpoints: checkpoints, head: 4) == .broken(sequence: 5, reason: .truncated))
    }

    @Test func anEntryDifferentFromItsCheckpointIsFound() {
        let entries = chain(4)
        var checkpoint = checkpoint(entries, at: 2)
        checkpoint = AuditCheckpoint(chain: "t", sequence: 2, hash: String(repeating: "a", count: 64), writtenAt: checkpoint.writtenAt, key: key)
        #expect(verify(entries, checkpoints: [checkpoint]) == .broken(sequence: 2, reason: .checkpointMismatch))
    }

    @Test func aForgedCheckpointIsFound() {
        let entries = chain(4)
        let forged = checkpoint(entries, at: 2, key: SymmetricKey(size: .bits256))
        #expect(verify(entries, checkpoints: [forged]) == .broken(sequence: 2, reason: .forgedCheckpoint))
    }

    @Test func checkpointLinesRoundTripAndIgnoreTheirLogPrefix() {
        let entries = chain(2)
        let original = checkpoint(entries, at: 2)
        #expect(AuditCheckpoint.parse(original.line) == original)
        #expect(AuditCheckpoint.parse("2026-12-03T16:00:00Z notice samenspel: " + original.line) == original)
        #expect(AuditCheckpoint.parse(original.line)?.isAuthentic(key: key) == true)
        #expect(AuditCheckpoint.parse("checkpoint v1 x t 2 abc def") == nil)
    }

    @Test func intactChainVerifies() {
        #expect(verify(chain(5)) == .intact(count: 5))
    }

    @Test func changedFieldIsDetected() {
        var entries = chain(5)
        entries[2].record.event = "logout"
        #expect(verify(entries) == .broken(sequence: 3, reason: .hashMismatch))
    }

    @Test func removedEntryIsDetected() {
        var entries = chain(5)
        entries.remove(at: 1)
        #expect(verify(entries) == .broken(sequence: 3, reason: .sequenceGap))
    }

    @Test func rehashedEntryBreaksTheNext() {
        var entries = chain(5)
        entries[1].record.userName = "someone else"
        entries[1].hash = AuditChain.hash(entries[1].record, previous: entries[1].previousHash, key: key)
        #expect(verify(entries) == .broken(sequence: 3, reason: .previousMismatch))
    }

    @Test func fieldsCannotBeShiftedBetweenNeighbours() {
        let base = AuditRecord(occurredAt: Date(), event: "a", outcome: .success, tenantID: nil, userName: "x|y", basis: .none)
        var shifted = base
        shifted.userName = "x"
        shifted.onBehalfOf = "y"
        #expect(base.canonical != shifted.canonical)
    }

    @Test func timesAreKeptToTheMillisecond() {
        let record = AuditRecord(occurredAt: Date(timeIntervalSince1970: 1.23456789), event: "a", outcome: .success, tenantID: nil, basis: .none)
        #expect(record.milliseconds == 1235)
        // Read back from storage with float noise, the record still hashes the same.
        let noisy = AuditRecord(occurredAt: Date(timeIntervalSince1970: 1795355643.1069999), event: "a", outcome: .success, tenantID: nil, basis: .none)
        #expect(noisy.milliseconds == 1795355643107)
    }
}
