import Domain
import Fluent
import SQLKit
import Foundation
import Vapor
import VaporTesting
@testable import App

/// Tenants and users made directly in the database, for tests.
struct Fixtures {
    let app: Application
    static let password = "correct horse battery"

    func tenant(_ slug: String = "alpha") async throws -> Tenant {
        let tenant = Tenant(name: "Gemeente \(slug.capitalized)", slug: slug)
        try await tenant.create(on: app.db)
        return tenant
    }

    func organization(in tenant: Tenant, name: String = "Sociaal Team", kind: OrganizationKind = .socialTeam) async throws -> Organization {
        let organization = Organization(tenantID: try tenant.requireID(), name: name, kind: kind)
        try await organization.create(on: app.db)
        return organization
    }

    /// A user with a password and, when `totp` is true, an enrolled second factor.
    func user(
        _ username: String, role: Role, in tenant: Tenant, organization: Organization? = nil, totp: Bool = true
    ) async throws -> (user: User, secret: String?) {
        let user = User(tenantID: try tenant.requireID(), organizationID: organization?.id, username: username, displayName: username.capitalized, role: role)
        user.passwordHash = try app.password.hash(Self.password)
        var secret: String?
        if totp {
            secret = SecondFactor.newSecret()
            user.totpSecret = try FieldCipher(key: app.config.keys.field).seal(secret!)
        }
        try await user.create(on: app.db)
        return (user, secret)
    }

    /// Signs in through the real pages (password, then TOTP when enrolled).
    @discardableResult
    func signIn(_ client: TestClient, _ username: String, secret: String?) async throws -> TestingHTTPResponse {
        try await client.get("/login")
        var response = try await client.post("/login", ["username": username, "password": Self.password])
        if let secret {
            // A code works once; a test signing someone in again within the same
            // half minute stands for a later sign-in with a later code.
            try await app.db.sql.raw("UPDATE users SET totp_last_step = NULL WHERE username = \(bind: username)").run()
            try await client.get("/login/second-factor")
            response = try await client.post("/login/second-factor", ["code": SecondFactor.code(secret: secret)!])
        }
        return response
    }
}
