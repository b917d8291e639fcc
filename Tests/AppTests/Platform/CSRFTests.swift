import Fluent
import Testing
import VaporTesting
@testable import App

@Suite("CSRF")
struct CSRFTests {
    @Test func formsWithoutTheTokenAreRefused() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            let client = TestClient(app)
            try await client.get("/login")
            let missing = try await client.post("/login", ["username": "fatima", "password": Fixtures.password], withCSRF: false)
            #expect(missing.status == .forbidden)
            #expect(missing.body.string.contains("Het formulier is verlopen"))
            let forged = try await client.post("/login", ["username": "fatima", "password": Fixtures.password, "_csrf": "forged"])
            #expect(forged.status == .forbidden)
            #expect(try await UserSession.query(on: app.db).count() == 0)
        }
    }

    @Test func aTokenFromAnotherBrowserDoesNotWork() async throws {
        try await withApp { app in
            let attacker = TestClient(app)
            try await attacker.get("/login")
            let victim = TestClient(app)
            try await victim.get("/login")
            let response = try await victim.post("/login", ["username": "x", "password": "y", "_csrf": attacker.csrf!])
            #expect(response.status == .forbidden)
        }
    }

    @Test func signedInFormsNeedItToo() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let client = TestClient(app)
            try await fixtures.signIn(client, "ruben", secret: secret)
            let refused = try await client.post("/admin/organizations", ["name": "Nieuw", "kind": "welfare"], withCSRF: false)
            #expect(refused.status == .forbidden)
            #expect(try await Organization.query(on: app.db).count() == 0)
            try await client.get("/admin/organizations/new")
            #expect(try await client.post("/admin/organizations", ["name": "Nieuw", "kind": "welfare"]).status == .seeOther)
            #expect(try await Organization.query(on: app.db).count() == 1)
        }
    }
}
