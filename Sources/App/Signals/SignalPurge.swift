import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// Erases the signals and cases that did not lead to help once the
/// tenant's period has passed (`SignalRules.isErasable`), with their
/// outreach attempts, and files' records of the same age. The access log
/// keeps that a case was erased — its id and the day — never what it held.
struct SignalPurge {
    let db: any Database
    let keys: Keys
    /// At most this many cases per round, so a first run on years of signals is many short transactions.
    var batchSize = 1_000

    struct Report: Equatable {
        var cases: [ErasedCase] = []
        var uploads = 0
    }

    struct ErasedCase: Equatable { let id: UUID; let status: String; let lastDay: String }

    func run(tenantID: UUID, today: CivilDay, dryRun: Bool, now: Date = Date()) async throws -> Report {
        let rules = try await SignalSettings.rules(of: tenantID, on: db)
        let cutoff = today.adding(months: -rules.keptMonths).iso
        let candidates = try await SignalCase.select(in: tenantID, where: """
            last_signalled_on < \(bind: cutoff) AND (closed_on IS NULL OR closed_on < \(bind: cutoff))
            AND (outcome IS NULL OR outcome <> \(bind: SignalOutcome.acceptedHelp.rawValue))
            """, orderBy: "last_signalled_on, id", limit: batchSize, on: db)
        let erasable = candidates.filter { signalCase in
            guard let last = CivilDay(signalCase.lastSignalledOn) else { return false }
            return rules.isErasable(closedOn: signalCase.closedOn.flatMap(CivilDay.init), outcomeAcceptedHelp: signalCase.outcome == SignalOutcome.acceptedHelp.rawValue,
                                    lastSignalled: last, today: today)
        }
        var report = Report(cases: try erasable.map { ErasedCase(id: try $0.requireID(), status: $0.status, lastDay: $0.closedOn ?? $0.lastSignalledOn) })
        let oldUploads = try await SignalUpload.select(in: tenantID, where: "created_at < \(bind: today.adding(months: -rules.keptMonths).start())",
                                                       limit: batchSize, on: db)
        report.uploads = oldUploads.count
        guard !dryRun, !(report.cases.isEmpty && oldUploads.isEmpty) else { return report }
        let ids = report.cases.map(\.id), uploadIDs = try oldUploads.map { try $0.requireID() }
        try await db.transaction { tx in
            try await Self.delete(cases: ids, tenantID: tenantID, on: tx.sql)
            if !uploadIDs.isEmpty {
                try await tx.sql.delete(from: SignalUpload.schema).where("tenant_id", .equal, tenantID).where("id", .in, uploadIDs).run()
            }
            let records = ids.map { id in
                AuditRecord(occurredAt: now, event: "signal_case.erased", outcome: .success, tenantID: tenantID, userName: "samenspel", role: "system",
                            purpose: "retention", basis: .administration, objectType: "signal_case", objectID: id.uuidString, source: "job retention")
            }
            if !records.isEmpty { try await AccessLogger.append(records, key: keys.audit, on: tx) }
        }
        return report
    }

    /// Deletes cases with their signals and attempts (also used when a household's file is erased).
    static func delete(cases ids: [UUID], tenantID: UUID, on sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        for table in [OutreachAttempt.schema, Signal.schema] {
            try await sql.delete(from: table).where("tenant_id", .equal, tenantID).where("case_id", .in, ids).run()
        }
        try await sql.delete(from: SignalCase.schema).where("tenant_id", .equal, tenantID).where("id", .in, ids).run()
    }
}

/// `samenspel signals purge` erases what passed the period in every
/// municipality; `--dry-run` lists what would go and changes nothing.
struct SignalsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "purge") var action: String
        @Flag(name: "dry-run", help: "list what would be erased; change nothing") var dryRun: Bool
    }

    var help: String { "Erases early signals and cases that did not lead to help once their period passed (signals purge [--dry-run])." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "purge" else { throw ConfigurationError("unknown action '\(signature.action)'; use: samenspel signals purge [--dry-run]") }
        let app = context.application
        for tenant in try await Tenant.query(on: app.db).all() {
            let report = try await SignalPurge(db: app.db, keys: app.config.keys).run(tenantID: try tenant.requireID(), today: .today(), dryRun: signature.dryRun)
            context.console.print(Self.summary(report, tenant: tenant.name, dryRun: signature.dryRun))
        }
    }

    /// One line per case (its id, where it stood and its last day), then the count.
    static func summary(_ report: SignalPurge.Report, tenant: String, dryRun: Bool) -> String {
        let verb = dryRun ? "would erase" : "erased"
        let lines = report.cases.map { "  signal case \($0.id.uuidString.lowercased()) (\($0.status), last \($0.lastDay))" }
        return (["\(tenant): \(verb) \(report.cases.count) signal cases and \(report.uploads) file records"] + lines).joined(separator: "\n")
    }
}
