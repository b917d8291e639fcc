import Vapor

/// Chooses the language: an explicit `?lang=` choice (remembered in a
/// cookie), else the signed-in user's preference, else Accept-Language,
/// else Dutch. An unknown language is ignored, never an error.
struct LocaleMiddleware: AsyncMiddleware {
    static let cookieName = "samenspel_lang"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let chosen = req.query[String.self, at: "lang"].flatMap(AppLocale.init(rawValue:))
        req.locale = chosen
            ?? req.currentUserLocale
            ?? req.cookies[Self.cookieName].flatMap { AppLocale(rawValue: $0.string) }
            ?? AppLocale.preferred(acceptLanguage: req.headers.first(name: .acceptLanguage))
            ?? .nl
        let response = try await next.respond(to: req)
        if let chosen {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                isSecure: req.application.config.behindTLS, isHTTPOnly: true, sameSite: .lax
            )
        }
        return response
    }
}
