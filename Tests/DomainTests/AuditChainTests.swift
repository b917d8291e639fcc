import Foundation
import Testing
@testable import Domain

@Suite("Access log hash chain")
struct AuditChainTests {
    func chain(_ count: Int) -> [(record: AuditRecord, previousHash: String, hash: String)] {
        var previous = AuditChain.genesis
        return (1...count).map { sequence in
            let record = AuditRecord(
                sequence: sequence, occurredAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(sequence) + 0.1234567),
                event: "login.success", outcome: .success, tenantID: UUID(), userID: UUID(), userName: "user|\(sequence)",
                basis: .authentication, source: "web 127.0.0.1"
            )
            let hash = AuditChain.hash(record, previous: previous)
            defer { previous = hash }
            return (record, previous, hash)
        }
    }

    func verify(_ entries: [(record: AuditRecord, previousHash: String, hash: String)]) -> AuditChain.Finding {
        var walker = AuditChain.Walker()
        for entry in entries {
            if let broken = walker.check(entry.record, previousHash: entry.previousHash, hash: entry.hash) { return broken }
        }
        return .intact(count: walker.count)
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
        entries[1].hash = AuditChain.hash(entries[1].record, previous: entries[1].previousHash)
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
