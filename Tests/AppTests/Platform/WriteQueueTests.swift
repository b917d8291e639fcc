import Fluent
import Foundation
import Testing
@testable import App

@Suite("Write queue")
struct WriteQueueTests {
    actor Probe {
        private(set) var inside = 0, most = 0, done = 0
        func enter() { inside += 1; most = max(most, inside) }
        func leave() { inside -= 1; done += 1 }
    }

    @Test func writersTakeTurnsAndAllFinish() async throws {
        let queue = WriteQueue(), probe = Probe()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await queue.run {
                        await probe.enter()
                        try await Task.sleep(for: .milliseconds(2))
                        await probe.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        let (most, done) = (await probe.most, await probe.done)
        #expect(most == 1 && done == 20)
    }

    @Test func concurrentWriteTransactionsAllLandAndNestingDoesNotWait() async throws {
        try await withApp { app in
            let tenantID = try await Fixtures(app: app).tenant().requireID()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<16 {
                    group.addTask {
                        try await app.db.writeTransaction { tx in
                            try await Household(tenantID: tenantID, name: "Huishouden \(number)", street: "Straat 1", postcode: "1234AB", city: "Dorp", neighbourhoodCode: nil).create(on: tx)
                            // A write transaction inside one is that same transaction: it must not queue behind itself.
                            try await tx.writeTransaction { inner in
                                try await Household(tenantID: tenantID, name: "Genest \(number)", street: "Straat 2", postcode: "1234AB", city: "Dorp", neighbourhoodCode: nil).create(on: inner)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Household.scoped(to: tenantID, on: app.db).count() == 32)
        }
    }
}
