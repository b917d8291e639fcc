import Logging
import OTel
import ServiceLifecycle
import Synchronization
import Tracing
import Vapor

/// OpenTelemetry traces, when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
/// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set; off, and free, otherwise.
/// Each request is a server span carrying its request id; every Fluent
/// query and every statement sent through `db.sql` is a child span with the
/// statement's text (its values are bound, never in the text). The query
/// string is left out of the request's span: it may hold what someone
/// searched for. Exported over OTLP/HTTP (protobuf, or JSON with
/// `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`); the other `OTEL_*` variables of
/// the specification apply. Logs and metrics stay as they are.
enum Observability {
    /// Whether statements sent through `db.sql` are traced.
    static let tracesSQL = Atomic<Bool>(false)

    static func isRequested(_ environment: [String: String]) -> Bool {
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"].contains { !(environment[$0] ?? "").isEmpty }
    }

    static func start(_ app: Application, environment: [String: String]) throws {
        guard isRequested(environment) else { return }
        var configuration = OTel.Configuration.default
        configuration.serviceName = "samenspel"
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.exporter = .otlp
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        let service = try OTel.bootstrap(configuration: configuration, environment: environment)
        tracesSQL.store(true, ordering: .relaxed)
        app.middleware.use(TracingMiddleware { attributes, request in
            attributes["url.query"] = nil
            attributes["samenspel.request_id"] = request.id
        }, at: .beginning)
        app.lifecycle.use(ObservabilityLifecycle(service: service, logger: app.logger))
    }
}

/// Runs the exporter beside the server; on shutdown it sends what is left.
private final class ObservabilityLifecycle: LifecycleHandler, @unchecked Sendable {
    let group: ServiceGroup
    var running: Task<Void, any Error>?

    init(service: some ServiceLifecycle.Service, logger: Logger) {
        group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [], logger: logger))
    }

    func didBootAsync(_ app: Application) async throws {
        let group = self.group
        running = Task { try await group.run() }
    }

    func shutdownAsync(_ app: Application) async {
        await group.triggerGracefulShutdown()
        _ = await running?.result
    }
}
