import Vapor

/// One log line per request: method, path, status, duration and request id.
/// The path only — a query string can hold what someone searched for (a
/// name, a BSN) — and nothing of the body.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            log(request, status: (error as? any AbortError)?.status ?? .internalServerError, since: started)
            throw error
        }
        log(request, status: response.status, since: started)
        return response
    }

    private func log(_ request: Request, status: HTTPResponseStatus, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.application.logger.info("\(request.method.rawValue) \(request.url.path) \(status.code)", metadata: [
            "request-id": .string(request.id), "method": .string(request.method.rawValue), "path": .string(request.url.path),
            "status": .stringConvertible(status.code), "duration-ms": .string(String(format: "%.1f", milliseconds)),
        ])
    }
}
