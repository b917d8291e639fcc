import Domain
import Fluent
import Vapor

/// Authenticates `/api/…` requests that carry `Authorization: Bearer`. Such a
/// request is judged by its token alone, never by a cookie, and a token
/// scoped to reading cannot write. A bad token is a 401 with the RFC 6750
/// challenge, in problem+json.
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.url.path.hasPrefix("/api/"), let bearer = req.headers.bearerAuthorization else {
            return try await next.respond(to: req)
        }
        req.actor = nil
        guard let (token, user) = try await Self.resolve(bearer.token, req: req) else {
            let response = AppErrorMiddleware.problem(status: .unauthorized, detail: req.t("api.token_invalid"), req: req)
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer error=\"invalid_token\"")
            return response
        }
        let needed = ApiScope.required(forMethod: req.method.rawValue)
        guard token.apiScopes.contains(needed) else {
            let response = AppErrorMiddleware.problem(status: .forbidden, detail: req.t("api.scope_missing", needed.rawValue), req: req)
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer error=\"insufficient_scope\", scope=\"\(needed.rawValue)\"")
            return response
        }
        var municipal = false
        if let organizationID = user.organizationID { municipal = try await Organization.isMunicipal(organizationID, in: user.tenantID, on: req.db) }
        req.actor = try Actor(user, organizationIsMunicipal: municipal)
        req.apiToken = token
        return try await next.respond(to: req)
    }

    /// The token and its account, when the token is known, unexpired and
    /// unrevoked, and the account and its tenant are active.
    static func resolve(_ presented: String, req: Request) async throws -> (ApiToken, User)? {
        guard presented.count <= 100,
              let token = try await ApiToken.query(on: req.db).filter(\.$tokenHash == ApiTokens.hash(presented, req: req)).first()
        else { return nil }
        let now = Date()
        guard token.isValid(at: now), let user = try await User.find(token.userID, on: req.db), user.isActive, user.tenantID == token.tenantID,
              try await Tenant.find(token.tenantID, on: req.db)?.isActive == true
        else { return nil }
        // A minute's precision is plenty, and saves a write per request.
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = now
            try await token.save(on: req.db)
        }
        return (token, user)
    }
}

extension Request {
    private struct ApiTokenKey: StorageKey { typealias Value = ApiToken }

    /// The token this API request was authenticated with, if any.
    var apiToken: ApiToken? {
        get { storage[ApiTokenKey.self] }
        set { storage[ApiTokenKey.self] = newValue }
    }
}
