import Fluent
import Foundation
import SQLKit
import Vapor

/// A scheduled job runs on one app server at a time, however many serve:
/// before each run a server takes the job's lease in the database, and only
/// the server that got it runs. A lease ends by itself, so a server that
/// died holding one does not stop the job for longer than the lease.
enum JobLease {
    /// True when `holder` now holds `job` until `now + duration` (it was free,
    /// had expired, or was already this holder's); false when another holds it.
    static func take(_ job: String, holder: UUID, for duration: TimeInterval, now: Date = Date(), on db: any Database) async throws -> Bool {
        let sql = db.sql
        try await sql.raw("""
            INSERT INTO job_leases (id, job, holder, expires_at) VALUES (\(bind: UUID()), \(bind: job), \(bind: holder), \(bind: now.addingTimeInterval(-1)))
            ON CONFLICT (job) DO NOTHING
            """).run()
        return try await sql.raw("""
            UPDATE job_leases SET holder = \(bind: holder), expires_at = \(bind: now.addingTimeInterval(duration))
            WHERE job = \(bind: job) AND (expires_at < \(bind: now) OR holder = \(bind: holder)) RETURNING id
            """).first() != nil
    }
}

/// The leases of scheduled jobs: platform-wide, so a reference table.
struct CreateJobLeases: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("job_leases")
            .id()
            .field("job", .string, .required)
            .field("holder", .uuid, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "job")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("job_leases").delete()
    }
}

extension Application {
    private struct InstanceIDKey: StorageKey { typealias Value = UUID }

    /// This server process, as the holder of job leases.
    var instanceID: UUID {
        if let id = storage[InstanceIDKey.self] { return id }
        let id = UUID()
        storage[InstanceIDKey.self] = id
        return id
    }
}
