import Vapor

/// Turns every error into a localized page (web) or problem+json (API),
/// without internal detail; 5xx are logged with the request id, which the
/// page shows so support can find the log line.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return await Self.response(for: error, to: req)
        }
    }

    static func classify(_ error: any Error) -> (HTTPResponseStatus, String) {
        if let error = error as? AppError { return (error.status, error.messageKey) }
        if let error = error as? any KeyedAppError { return (error.status, error.messageKey) }
        if error is DecodingError { return (.badRequest, "error.bad_request") }
        guard let abort = error as? any AbortError else { return (.internalServerError, "error.server") }
        switch abort.status.code {
        case 401: return (.unauthorized, "error.unauthorized")
        case 403: return (.forbidden, "error.forbidden")
        case 404, 405: return (.notFound, "error.not_found")
        case 409: return (.conflict, "error.conflict")
        case 413: return (.payloadTooLarge, "error.too_large")
        case 429: return (.tooManyRequests, "error.too_many")
        case 400..<500: return (.badRequest, "error.bad_request")
        default: return (.internalServerError, "error.server")
        }
    }

    static func response(for error: any Error, to req: Request) async -> Response {
        let (status, key) = classify(error)
        if status.code >= 500 {
            req.logger.error("Unhandled error: \(String(reflecting: error))", metadata: ["request-id": .string(req.id)])
        }
        if status == .unauthorized, !isAPI(req) {
            return req.redirect(to: SiteRoute.login.path() + "?next=" + (req.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        if isAPI(req) { return problem(status: status, detail: req.t(key), req: req) }
        do {
            struct ErrorContent: Encodable { let status: UInt; let message: String }
            return try await req.page(
                "errors/error", title: req.t("error.title", String(status.code)),
                ErrorContent(status: status.code, message: req.t(key)), status: status
            )
        } catch {
            let response = Response(status: status, body: .init(string: req.t(key) + " (\(req.id))"))
            response.headers.contentType = .plainText
            return response
        }
    }

    static func isAPI(_ req: Request) -> Bool {
        req.url.path.hasPrefix("/api/") || req.url.path.hasPrefix("/hsds")
    }

    /// RFC 9457 problem details, as the Dutch API Design Rules ask.
    static func problem(status: HTTPResponseStatus, detail: String, req: Request) -> Response {
        struct Problem: Encodable { let type: String; let title: String; let status: UInt; let detail: String; let instance: String }
        let body = Problem(
            type: "about:blank", title: status.reasonPhrase, status: status.code,
            detail: detail, instance: "urn:request:\(req.id)"
        )
        let response = Response(status: status)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        response.body = .init(data: (try? JSONEncoder().encode(body)) ?? Data())
        return response
    }
}
