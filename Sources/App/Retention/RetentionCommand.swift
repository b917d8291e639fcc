import Domain
import Fluent
import Vapor

/// `samenspel retention run` erases what passed its period, in every
/// municipality; `--dry-run` lists what would go and changes nothing.
struct RetentionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "run") var action: String
        @Flag(name: "dry-run", help: "list what would be erased; change nothing") var dryRun: Bool
    }

    var help: String { "Erases household files and notifications that passed their retention period (retention run [--dry-run])." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "run" else { throw ConfigurationError("unknown action '\(signature.action)'; use: samenspel retention run [--dry-run]") }
        let app = context.application
        let today = CivilDay.today()
        for tenant in try await Tenant.query(on: app.db).all() {
            let report = try await RetentionRun(db: app.db, rules: app.retentionRules, keys: app.config.keys, documents: Documents.store(app))
                .run(tenantID: try tenant.requireID(), today: today, dryRun: signature.dryRun)
            context.console.print(Self.summary(report, tenant: tenant.name, dryRun: signature.dryRun))
        }
    }

    /// One line per file (its id, kind, closing day and last day kept), then the count.
    static func summary(_ report: RetentionRun.Report, tenant: String, dryRun: Bool) -> String {
        let verb = dryRun ? "would erase" : "erased"
        let lines = report.files.map { "  household \($0.householdID.uuidString.lowercased()) (\($0.kind.rawValue), closed \($0.closedOn.iso), kept until \($0.keptUntil.iso))" }
        return (["\(tenant): \(verb) \(report.files.count) household files and \(report.notifications) read notifications"] + lines).joined(separator: "\n")
    }
}

extension RepeatingJob {
    /// While serving, retention runs once a day on one server
    /// (`SAMENSPEL_RETENTION_HOURS`, default 24; 0 turns it off).
    static func retention(every seconds: TimeInterval) -> RepeatingJob {
        RepeatingJob(name: "retention", interval: every(seconds), initialDelay: .minutes(1)) { app in
            guard try await JobLease.take("retention", holder: app.instanceID, for: seconds * 0.9, on: app.db) else { return }
            for tenant in try await Tenant.query(on: app.db).all() {
                let report = try await RetentionRun(db: app.db, rules: app.retentionRules, keys: app.config.keys, documents: Documents.store(app))
                    .run(tenantID: try tenant.requireID(), today: CivilDay.today(), dryRun: false)
                app.logger.notice("retention: \(tenant.slug) erased \(report.files.count) household files, \(report.notifications) notifications")
                let signals = try await SignalPurge(db: app.db, keys: app.config.keys).run(tenantID: try tenant.requireID(), today: CivilDay.today(), dryRun: false)
                app.logger.notice("retention: \(tenant.slug) erased \(signals.cases.count) signal cases")
            }
        }
    }
}
