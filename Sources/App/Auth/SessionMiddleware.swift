import Domain
import Vapor

/// Resolves the session once per request. A tampered, unknown or expired
/// cookie is cleared and the person simply signs in again.
struct SessionMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let resumed = try await SessionStore.resume(req: req)
        if resumed == .expired { req.sessionExpired = true }
        let response = try await next.respond(to: req)
        if resumed == .expired || resumed == .unknown, response.cookies[SessionStore.cookieName] == nil {
            SessionStore.clearCookie(on: response)
        }
        return response
    }
}

/// Lets only signed-in people through (all stages done), optionally only some roles.
struct RequireLogin: AsyncMiddleware {
    var roles: Set<Domain.Role>? = nil

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let actor = req.actor else {
            if AppErrorMiddleware.isAPI(req) { throw Abort(.unauthorized) }
            let next = req.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            let expired = req.sessionExpired ? "&expired=1" : ""
            return req.redirect(to: "\(SiteRoute.login.path())?next=\(next)\(expired)")
        }
        if let roles, !roles.contains(actor.role) { throw AppError.forbidden }
        return try await next.respond(to: req)
    }
}
