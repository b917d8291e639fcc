import Domain
import Fluent
import Foundation

/// A system registered by the tenant admin for the OAuth2 client-credentials
/// grant. It acts as one service account, so the access rule applies to it
/// exactly as to a person in that role and organisation.
final class ApiClient: Model, TenantOwned, @unchecked Sendable {
    static let schema = "api_clients"
    static let tenantKey: KeyPath<ApiClient, FieldProperty<ApiClient, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    /// Public identifier the system sends as `client_id`.
    @Field(key: "client_key") var clientKey: String
    @Field(key: "secret_hash") var secretHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "scopes") var scopes: String
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $name, $clientKey, $secretHash, $userID, $scopes, $revokedAt, $createdAt] }

    init() {}

    init(tenantID: UUID, name: String, clientKey: String, secretHash: String, userID: UUID, scopes: Set<ApiScope>) {
        self.tenantID = tenantID
        self.name = name
        self.clientKey = clientKey
        self.secretHash = secretHash
        self.userID = userID
        self.scopes = ApiScope.encode(scopes)
    }

    var apiScopes: Set<ApiScope> { ApiScope.parse(scopes) ?? [] }
}
