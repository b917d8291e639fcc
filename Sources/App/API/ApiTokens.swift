import Domain
import Fluent
import Vapor

/// Issuing and revoking API tokens. The token is shown once; only its keyed
/// hash is kept, so a copy of the database cannot be used to call the API.
enum ApiTokens {
    static let prefix = "sst_"

    static func hash(_ token: String, req: Request) -> String {
        req.keyedHash.hex(token, purpose: "api-token")
    }

    /// A new token for `userID`; returns the plain token, to show once.
    static func issue(name: String, userID: UUID, tenantID: UUID, clientID: UUID? = nil, scopes: Set<ApiScope>, expiresAt: Date, req: Request, on db: any Database) async throws -> (ApiToken, String) {
        let plain = prefix + RandomToken.urlSafe()
        let token = ApiToken(tenantID: tenantID, userID: userID, clientID: clientID, name: name, tokenHash: hash(plain, req: req), scopes: scopes, expiresAt: expiresAt)
        try await token.create(on: db)
        return (token, plain)
    }
}

extension Request {
    /// The two scope choices every token form offers: reading, or reading and writing.
    func apiScopeOptions(selected: String?) -> [Option] {
        [("read", "api.scope_read"), ("read write", "api.scope_write")].map {
            Option(value: $0.0, label: t($0.1), selected: $0.0 == (selected ?? "read"))
        }
    }
}
