import Domain
import Fluent
import Foundation
import SQLKit

/// Erases what passed its period: household files closed longer ago than
/// their rule (a youth file's longer), unless a legal hold stands, and
/// notifications read longer ago than theirs. `dryRun` only lists. Each
/// file goes in its own transaction with its access-log entry, which says
/// *that* the file was erased, never what it held.
struct RetentionRun {
    let db: any Database
    let rules: RetentionRules
    let keys: Keys
    let documents: DocumentStore
    static let pageSize = 200

    struct Due: Equatable {
        let householdID: UUID
        let kind: RetentionKind
        let closedOn: CivilDay
        let keptUntil: CivilDay
    }

    struct Report: Equatable {
        var files: [Due] = []
        var notifications = 0
    }

    func run(tenantID: UUID, today: CivilDay, dryRun: Bool, now: Date = Date()) async throws -> Report {
        let settings = try await rules.settings(tenantID: tenantID, on: db)
        var report = Report()
        let shortest = min(settings[.householdFile]!.months, settings[.youthFile]!.months)
        var after: UUID?
        while true {
            // Closed before the shortest period could have run out.
            let page = try await HouseholdFiles.closed(tenantID: tenantID, closedBy: today.adding(months: -shortest).adding(days: -1), today: today,
                                                       after: after, limit: Self.pageSize, on: db)
            guard let last = page.last else { break }
            after = last.householdID
            let ids = page.map(\.householdID)
            let held = try await HouseholdFiles.held(ids, tenantID: tenantID, on: db)
            for closed in page where !held.contains(closed.householdID) {
                let hadMinor = try await HouseholdFiles.hadMinors([closed.householdID], on: closed.closedOn, tenantID: tenantID, on: db).contains(closed.householdID)
                let file = ErasurePolicy.File(closedOn: closed.closedOn, hadMinor: hadMinor, legalHold: false)
                let setting = settings[file.kind]!
                guard ErasurePolicy.expired(file, setting: setting, today: today) else { continue }
                report.files.append(Due(householdID: closed.householdID, kind: file.kind, closedOn: closed.closedOn,
                                        keptUntil: ErasurePolicy.keptUntil(closedOn: closed.closedOn, months: setting.months)))
                if !dryRun { try await erase(closed.householdID, kind: file.kind, tenantID: tenantID, now: now) }
            }
        }
        report.notifications = try await notifications(tenantID: tenantID, readBefore: today.adding(months: -settings[.notifications]!.months), dryRun: dryRun)
        return report
    }

    private func erase(_ householdID: UUID, kind: RetentionKind, tenantID: UUID, now: Date) async throws {
        try await db.transaction { tx in
            _ = try await HouseholdErasure(db: tx, cipher: FieldCipher(key: keys.field), documents: documents).erase(householdID, tenantID: tenantID, now: now)
            try await AccessLogger.append(Self.record("retention.erased", tenantID: tenantID, householdID: householdID, kind: kind, at: now),
                                          key: keys.audit, on: tx)
        }
    }

    private func notifications(tenantID: UUID, readBefore day: CivilDay, dryRun: Bool) async throws -> Int {
        let cutoff = day.start()
        if dryRun {
            let row = try await db.sql.raw("""
                SELECT COUNT(*) AS old FROM notifications WHERE tenant_id = \(bind: tenantID) AND read_at < \(bind: cutoff)
                """).first()
            return try row?.decode(column: "old", as: Int.self) ?? 0
        }
        return try await db.sql.delete(from: UserNotification.schema).where("tenant_id", .equal, tenantID)
            .where("read_at", .lessThan, cutoff).returning("id").all().count
    }

    /// A job's entry in the access log: no user, the job as source.
    static func record(_ event: String, tenantID: UUID, householdID: UUID, kind: RetentionKind, at now: Date) -> AuditRecord {
        AuditRecord(occurredAt: now, event: event, outcome: .success, tenantID: tenantID, userName: "samenspel", role: "system",
                    subjectID: householdID, purpose: kind.rawValue, basis: .administration, objectType: "household",
                    objectID: householdID.uuidString, source: "job retention")
    }
}
