import Domain
import Fluent
import Foundation

/// A bearer token for the JSON API: a person's personal access token, or a
/// short-lived token issued to a system by the OAuth2 client-credentials
/// grant. Only a keyed hash of the token is stored.
final class ApiToken: Model, TenantOwned, @unchecked Sendable {
    static let schema = "api_tokens"
    static let tenantKey: KeyPath<ApiToken, FieldProperty<ApiToken, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// The account the token acts as (for a system: the client's service account).
    @Field(key: "user_id") var userID: UUID
    @OptionalField(key: "client_id") var clientID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "scopes") var scopes: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $userID, $clientID, $name, $tokenHash, $scopes, $expiresAt, $revokedAt, $lastUsedAt,
            $createdAt,
        ]
    }

    init() {}

    init(tenantID: UUID, userID: UUID, clientID: UUID? = nil, name: String, tokenHash: String, scopes: Set<ApiScope>, expiresAt: Date) {
        self.tenantID = tenantID
        self.userID = userID
        self.clientID = clientID
        self.name = name
        self.tokenHash = tokenHash
        self.scopes = ApiScope.encode(scopes)
        self.expiresAt = expiresAt
    }

    var apiScopes: Set<ApiScope> { ApiScope.parse(scopes) ?? [] }

    func isValid(at now: Date) -> Bool { revokedAt == nil && now < expiresAt }
}
