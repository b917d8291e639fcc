import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("API authentication: personal access tokens and OAuth2 client credentials")
struct ApiAuthTests {
    /// A referral the partner has accepted, so its FHIR view is there to ask for.
    static func acceptedReferral(_ app: Application) async throws -> (ReferralScenario, String) {
        let scenario = try await ReferralScenario.make(app)
        _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
        _ = try await scenario.send()
        _ = try await scenario.step(scenario.receiver, "accepted")
        return (scenario, SiteRoute.apiReferralFHIR.path(try await scenario.referral().id!))
    }

    static func createToken(_ client: TestClient, scope: String = "read", days: String = "30") async throws -> TestingHTTPResponse {
        try await client.get("/account/api-tokens")
        return try await client.post("/account/api-tokens", ["name": "Rapportage", "scope": scope, "days": days])
    }

    static func bearer(_ app: Application, _ path: String, method: HTTPMethod = .GET, token: String) async throws -> TestingHTTPResponse {
        try await TestClient(app).send(method, path, headers: [("Authorization", "Bearer \(token)")], body: nil)
    }

    @Test func aPersonalTokenIsShownOnceStoredHashedScopedAndRevocable() async throws {
        try await withApp { app in
            let (scenario, fhirPath) = try await Self.acceptedReferral(app)
            let created = try await Self.createToken(scenario.receiver)
            #expect(created.status == .ok)
            let token = try #require(TestClient.firstMatch(#"<code class="secret">(sst_[A-Za-z0-9_-]+)</code>"#, in: created.body.string))
            let stored = try #require(try await ApiToken.query(on: app.db).first())
            #expect(stored.tokenHash != token && !stored.tokenHash.contains(token.dropFirst(4)))
            #expect(!(try await scenario.receiver.get("/account/api-tokens").body.string.contains(token)))

            #expect(try await Self.bearer(app, fhirPath, token: token).status == .ok)
            // Read scope cannot write.
            let write = try await Self.bearer(app, fhirPath, method: .POST, token: token)
            #expect(write.status == .forbidden)
            #expect(write.headers.first(name: .wwwAuthenticate)?.contains("insufficient_scope") == true)

            try await scenario.receiver.get("/account/api-tokens")
            #expect(try await scenario.receiver.post(SiteRoute.apiTokenRevoke.path(stored.id!)).status == .seeOther)
            let revoked = try await Self.bearer(app, fhirPath, token: token)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.headers.first(name: .wwwAuthenticate) == "Bearer error=\"invalid_token\"")
            #expect(revoked.headers.contentType?.description.contains("problem+json") == true)
        }
    }

    @Test func expiredAndForeignTokensAreRefused() async throws {
        try await withApp { app in
            let (scenario, fhirPath) = try await Self.acceptedReferral(app)
            let token = try #require(TestClient.firstMatch(#"(sst_[A-Za-z0-9_-]+)"#, in: try await Self.createToken(scenario.receiver).body.string))
            let stored = try #require(try await ApiToken.query(on: app.db).first())
            stored.expiresAt = Date().addingTimeInterval(-1)
            try await stored.save(on: app.db)
            #expect(try await Self.bearer(app, fhirPath, token: token).status == .unauthorized)
            #expect(try await Self.bearer(app, fhirPath, token: "sst_made-up").status == .unauthorized)
            // A bad token is not rescued by a good session cookie.
            let mixed = try await scenario.receiver.send(.GET, fhirPath, headers: [("Authorization", "Bearer sst_made-up")], body: nil)
            #expect(mixed.status == .unauthorized)

            // Another tenant's valid token: the referral does not exist for it.
            let other = try await scenario.base.fixtures.tenant("beta")
            let otherOrg = try await scenario.base.fixtures.organization(in: other, name: "Schuldhulp", kind: .debtHelp)
            let (_, secret) = try await scenario.base.fixtures.user("b-piet", role: .professional, in: other, organization: otherOrg)
            let outsider = TestClient(app)
            try await scenario.base.fixtures.signIn(outsider, "b-piet", secret: secret)
            let foreign = try #require(TestClient.firstMatch(#"(sst_[A-Za-z0-9_-]+)"#, in: try await Self.createToken(outsider).body.string))
            #expect(try await Self.bearer(app, fhirPath, token: foreign).status == .notFound)
        }
    }

    @Test func nonsenseTokenFormsAreRefusedClearly() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            for days in ["0", "366", "abc", ""] {
                let response = try await Self.createToken(scenario.coordinator, days: days)
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("Kies een geldigheid van 1 tot 365 dagen."))
            }
            #expect(try await Self.createToken(scenario.coordinator, scope: "admin").status == .unprocessableEntity)
            #expect(try await ApiToken.query(on: app.db).count() == 0)
        }
    }

    @Test func aSystemGetsAnHourTokenWithClientCredentials() async throws {
        try await withApp { app in
            let (scenario, fhirPath) = try await Self.acceptedReferral(app)
            let (_, adminSecret) = try await scenario.base.fixtures.user("beheer", role: .tenantAdmin, in: scenario.base.tenant)
            let admin = TestClient(app)
            try await scenario.base.fixtures.signIn(admin, "beheer", secret: adminSecret)
            let piet = try #require(try await User.query(on: app.db).filter(\.$username == "piet").first())
            try await admin.get("/admin/api-clients")
            let page = try await admin.post("/admin/api-clients", ["name": "Schuldhulpsysteem", "user_id": piet.id!.uuidString, "scope": "read"])
            #expect(page.status == .ok)
            let clientID = try #require(TestClient.firstMatch(#"(ssc_[A-Za-z0-9_-]+)"#, in: page.body.string))
            let secret = try #require(TestClient.firstMatch(#"client_secret</dt><dd><code class="secret">([A-Za-z0-9_-]+)<"#, in: page.body.string))

            func ask(_ form: String) async throws -> TestingHTTPResponse {
                try await TestClient(app).send(.POST, "/api/v1/oauth/token", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
            }
            let granted = try await ask("grant_type=client_credentials&client_id=\(clientID)&client_secret=\(secret)")
            #expect(granted.status == .ok)
            struct Grant: Decodable { let access_token: String; let token_type: String; let expires_in: Int; let scope: String }
            let grant = try JSONDecoder().decode(Grant.self, from: Data(granted.body.string.utf8))
            #expect(grant.token_type == "Bearer" && grant.expires_in == 3600 && grant.scope == "read")
            #expect(try await Self.bearer(app, fhirPath, token: grant.access_token).status == .ok)

            #expect(try await ask("grant_type=client_credentials&client_id=\(clientID)&client_secret=wrong").status == .unauthorized)
            #expect(try await ask("grant_type=password&client_id=\(clientID)&client_secret=\(secret)").body.string.contains("unsupported_grant_type"))
            #expect(try await ask("grant_type=client_credentials&client_id=\(clientID)&client_secret=\(secret)&scope=write").body.string.contains("invalid_scope"))
            #expect(try await ask("").status == .badRequest)

            let client = try #require(try await ApiClient.query(on: app.db).first())
            try await admin.get("/admin/api-clients")
            #expect(try await admin.post(SiteRoute.apiClientRevoke.path(client.id!)).status == .seeOther)
            #expect(try await Self.bearer(app, fhirPath, token: grant.access_token).status == .unauthorized)
            #expect(try await ask("grant_type=client_credentials&client_id=\(clientID)&client_secret=\(secret)").status == .unauthorized)
        }
    }
}
