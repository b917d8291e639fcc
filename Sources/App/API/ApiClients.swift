import Domain
import Fluent
import Vapor

/// Registering systems for the client-credentials grant.
enum ApiClients {
    static func secretHash(_ secret: String, req: Request) -> String {
        req.keyedHash.hex(secret, purpose: "api-client-secret")
    }

    static func secretMatches(_ secret: String, _ client: ApiClient, req: Request) -> Bool {
        let presented = Array(secretHash(secret, req: req).utf8), stored = Array(client.secretHash.utf8)
        return presented.count == stored.count && zip(presented, stored).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A new client acting as `userID`; returns it with the secret, to show once.
    static func register(name: String, userID: UUID, tenantID: UUID, scopes: Set<ApiScope>, req: Request, on db: any Database) async throws -> (ApiClient, String) {
        let secret = RandomToken.urlSafe()
        let client = ApiClient(tenantID: tenantID, name: name, clientKey: "ssc_" + RandomToken.urlSafe(bytes: 12), secretHash: secretHash(secret, req: req), userID: userID, scopes: scopes)
        try await client.create(on: db)
        return (client, secret)
    }
}
