import Foundation
import Testing
import VaporTesting
@testable import App

/// Issue 27: with several app servers, a scheduled job runs once per
/// interval, not once per server.
@Suite("Job leases")
struct JobLeaseTests {
    @Test func oneServerHoldsAJobUntilItsLeaseEnds() async throws {
        try await withApp { app in
            let first = UUID(), second = UUID(), now = Date()
            func take(_ job: String, _ holder: UUID, after seconds: TimeInterval) async throws -> Bool {
                try await JobLease.take(job, holder: holder, for: 60, now: now.addingTimeInterval(seconds), on: app.db)
            }
            #expect(try await take("monitor-refresh", first, after: 0))
            let heldByAnother = try await take("monitor-refresh", second, after: 1)
            #expect(!heldByAnother)
            #expect(try await take("monitor-refresh", first, after: 2), "the holder renews")
            #expect(try await take("audit-checkpoint", second, after: 0), "another job is free")
            #expect(try await take("monitor-refresh", second, after: 63), "an ended lease is free")
            let takenOver = try await take("monitor-refresh", first, after: 64)
            #expect(!takenOver)
        }
    }

    /// Many servers asking at once: exactly one gets it.
    @Test func ofServersAskingAtOnceExactlyOneRuns() async throws {
        try await withApp { app in
            let now = Date()
            let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 { group.addTask { try await JobLease.take("monitor-refresh", holder: UUID(), for: 60, now: now, on: app.db) } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(granted == 1)
        }
    }
}
