import Domain
import Fluent
import Vapor

/// The OAuth2 token endpoint (RFC 6749 §4.4, client credentials): a system
/// trades its client id and secret for a one-hour bearer token. Errors use
/// the RFC's JSON shape, which OAuth2 clients expect.
struct OAuthTokenController {
    struct TokenResponse: Content {
        let access_token: String
        let token_type: String
        let expires_in: Int
        let scope: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.oauthToken, use: token)
    }

    func token(req: Request) async throws -> Response {
        let form = (try? req.content.decode(OAuthTokenForm.self)) ?? OAuthTokenForm()
        guard form.grant_type == "client_credentials" else { return try Self.error("unsupported_grant_type", req) }
        let basic = req.headers.basicAuthorization
        guard let key = basic?.username ?? form.client_id, let secret = basic?.password ?? form.client_secret, key.count <= 100, secret.count <= 200,
              let client = try await ApiClient.query(on: req.db).filter(\.$clientKey == key).first(), client.revokedAt == nil,
              ApiClients.secretMatches(secret, client, req: req)
        else { return try Self.error("invalid_client", req, status: .unauthorized) }
        let asked = form.scope.flatMap { $0.isEmpty ? nil : $0 }
        let wanted = asked.map(ApiScope.parse) ?? client.apiScopes
        guard let scopes = wanted, scopes.isSubset(of: client.apiScopes) else { return try Self.error("invalid_scope", req) }
        let expires = Date().addingTimeInterval(Double(TokenLifetime.clientSeconds))
        let plain = try await req.db.transaction { tx in
            let (token, plain) = try await ApiTokens.issue(name: client.name, userID: client.userID, tenantID: client.tenantID, clientID: client.id,
                                                           scopes: scopes, expiresAt: expires, req: req, on: tx)
            try await req.audit("api_token.issued", outcome: .success, basis: .authentication, tenantID: client.tenantID,
                                objectType: "api_token", objectID: token.id?.uuidString, userName: client.name, on: tx)
            return plain
        }
        let response: Response = try await TokenResponse(access_token: plain, token_type: "Bearer", expires_in: TokenLifetime.clientSeconds, scope: ApiScope.encode(scopes)).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func error(_ code: String, _ req: Request, status: HTTPStatus = .badRequest) throws -> Response {
        struct Body: Encodable { let error: String; let error_description: String }
        let response = Response(status: status, body: .init(data: try JSONEncoder().encode(Body(error: code, error_description: req.t("oauth.\(code)")))))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Basic realm=\"samenspel\"") }
        return response
    }
}
