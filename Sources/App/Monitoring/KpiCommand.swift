import Fluent
import NIOCore
import Vapor

/// `samenspel kpi refresh` counts what changed since the last refresh;
/// `samenspel kpi rebuild` recounts every tenant's monitor from the source tables.
struct KpiCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "refresh | rebuild") var action: String
    }

    var help: String { "Brings the monitor's figures up to date (kpi refresh) or recounts them from the source tables (kpi rebuild)." }

    struct UnknownAction: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let mode = MonitorRefresher.Mode(rawValue: signature.action) else {
            throw UnknownAction(description: "unknown action '\(signature.action)'; use: samenspel kpi refresh | rebuild")
        }
        let app = context.application
        for tenant in try await Tenant.query(on: app.db).all() {
            let started = Date()
            let report = try await app.monitorRefresher(tenantID: try tenant.requireID()).run(mode)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            context.console.print("\(tenant.name): \(mode.rawValue) counted \(report.households) households (\(report.facts) facts), \(report.cellsChanged) cells changed, in \(seconds) s")
        }
    }
}

/// While serving, every tenant's monitor is refreshed on a schedule
/// (`SAMENSPEL_KPI_REFRESH_SECONDS`, default 300; 0 turns it off).
struct MonitorRefreshLifecycle: LifecycleHandler {
    let interval: TimeInterval

    func didBootAsync(_ app: Application) async throws {
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(5), delay: .seconds(Int64(interval))) { _ in
            app.eventLoopGroup.next().makeFutureWithTask { await Self.refresh(app, interval: interval) }
        }
        app.storage[TaskKey.self] = task
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TaskKey.self]?.cancel()
    }

    /// One server refreshes per interval: the lease lasts most of it, so the
    /// next tick of any server (this one included) can take it again.
    static func refresh(_ app: Application, interval: TimeInterval) async {
        do {
            guard try await JobLease.take("monitor-refresh", holder: app.instanceID, for: interval * 0.9, on: app.db) else { return }
            app.logger.notice("scheduled job monitor-refresh started")
            for tenant in try await Tenant.query(on: app.db).all() {
                try await app.monitorRefresher(tenantID: try tenant.requireID()).run(.refresh)
            }
        } catch {
            app.logger.error("monitor refresh failed: \(String(describing: error))")
        }
    }

    private struct TaskKey: StorageKey { typealias Value = RepeatedTask }
}
