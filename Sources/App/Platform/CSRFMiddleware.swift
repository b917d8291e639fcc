import Vapor

/// Refuses every state-changing web request that does not carry the form
/// token. The token is an HMAC of a random cookie (double-submit, keyed with
/// the server's secret), so a forged form on another site cannot produce it.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "samenspel_csrf"
    static let formField = "_csrf"
    static let maximumBody = 1 << 20

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = req.cookies[Self.cookieName].map(\.string).flatMap { $0.count == 43 ? $0 : nil }
        let cookieValue = existing ?? RandomToken.urlSafe()
        req.csrfToken = KeyedHash(key: req.application.config.keys.session).hex(cookieValue, purpose: "csrf")

        if Self.needsToken(req) {
            guard existing != nil, let sent = try await Self.sentToken(req),
                  Self.constantTimeEqual(sent, req.csrfToken)
            else { throw AppError.csrfRefused }
        }
        let response = try await next.respond(to: req)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: cookieValue, path: "/", isSecure: req.application.config.behindTLS,
                isHTTPOnly: true, sameSite: .strict
            )
        }
        return response
    }

    /// Unsafe methods, except API calls authenticated by a bearer token and the
    /// OAuth2 token endpoint: they carry their own credentials, not a cookie,
    /// so a forged cross-site request has nothing to ride on.
    private static func needsToken(_ req: Request) -> Bool {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else { return false }
        if req.url.path == SiteRoute.oauthToken.path() { return false }
        return !(req.url.path.hasPrefix("/api/") && req.headers.bearerAuthorization != nil)
    }

    private static func sentToken(_ req: Request) async throws -> String? {
        if let header = req.headers.first(name: "X-CSRF-Token") { return header }
        if req.body.data == nil {
            // An upload's route allows more than a form; its own limit holds here too.
            _ = try await req.body.collect(max: LargeBodies.shared.limit(for: req.url.path) ?? maximumBody).get()
        }
        return try? req.content.get(String.self, at: formField)
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}
