import Fluent
import Metrics
import Prometheus
import SQLKit
import Vapor

/// /health (the process is up), /ready (the database answers) and /metrics.
enum Operations {
    /// swift-metrics has one global backend per process; Vapor reports
    /// request counts and latency histograms per route into it.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func register(_ routes: any RoutesBuilder) {
        _ = registry
        routes.get(SiteRoute.health) { _ in Status(status: "ok") }
        routes.get(SiteRoute.ready) { req async throws -> Response in
            do {
                _ = try await (req.db as! any SQLDatabase).raw("SELECT 1").all()
                return try await Status(status: "ready").encodeResponse(for: req)
            } catch {
                let response = try await Status(status: "database unavailable").encodeResponse(for: req)
                response.status = .serviceUnavailable
                return response
            }
        }
        routes.get(SiteRoute.metrics) { _ -> Response in
            let response = Response(status: .ok, body: .init(string: registry.emitToString()))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
            return response
        }
    }

    struct Status: Content { let status: String }
}
