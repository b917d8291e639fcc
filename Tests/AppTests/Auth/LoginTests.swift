import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Signing in")
struct LoginTests {
    @Test func passwordAndTOTPLeadToTheHomePage() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: try await fixtures.organization(in: tenant))
            let client = TestClient(app)
            try await client.get("/login")
            let afterPassword = try await client.post("/login", ["username": "sanne", "password": Fixtures.password])
            #expect(afterPassword.status == .seeOther)
            #expect(afterPassword.headers.first(name: .location)?.hasPrefix("/login/second-factor") == true)
            // Half-way there is not signed in.
            #expect(try await client.get("/").status == .seeOther)

            try await client.get("/login/second-factor")
            let done = try await client.post("/login/second-factor", ["code": SecondFactor.code(secret: secret!)!])
            #expect(done.headers.first(name: .location) == "/")
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Welkom, Sanne"))

            let events = try await AccessLogEntry.query(on: app.db).sort(\.$sequence).all().map(\.event)
            #expect(events == ["login.password_accepted", "login.success"])
        }
    }

    @Test func wrongPasswordIsRefusedWithoutSayingWhy() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("sanne", role: .resident, in: tenant, totp: false)
            let client = TestClient(app)
            try await client.get("/login")
            let wrong = try await client.post("/login", ["username": "sanne", "password": "not the password"])
            let unknown = try await client.post("/login", ["username": "nobody", "password": "not the password"])
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            let message = "De combinatie van gebruikersnaam en wachtwoord klopt niet."
            #expect(wrong.body.string.contains(message) && unknown.body.string.contains(message))
            // What was typed stays in the form.
            #expect(wrong.body.string.contains(#"value="sanne""#))
            #expect(client.cookies[SessionStore.cookieName] == nil)
            let failures = try await AccessLogEntry.query(on: app.db).filter(\.$event == "login.failure").all()
            #expect(failures.count == 2)
            #expect(Set(failures.map(\.chain)) == [try tenant.requireID().uuidString, "platform"])
        }
    }

    @Test func residentWithoutTOTPSignsInWithPasswordOnly() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            let client = TestClient(app)
            let response = try await fixtures.signIn(client, "fatima", secret: nil)
            #expect(response.headers.first(name: .location) == "/")
            #expect(try await client.get("/").status == .ok)
        }
    }

    @Test func deactivatedUsersCannotSignIn() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (user, _) = try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            user.isActive = false
            try await user.save(on: app.db)
            let response = try await fixtures.signIn(TestClient(app), "fatima", secret: nil)
            #expect(response.status == .unauthorized)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            let client = TestClient(app)
            try await fixtures.signIn(client, "fatima", secret: nil)
            let stolen = client.cookies[SessionStore.cookieName]
            try await client.get("/")
            try await client.post("/logout")
            #expect(try await UserSession.query(on: app.db).count() == 0)
            client.cookies[SessionStore.cookieName] = stolen
            #expect(try await client.get("/").status == .seeOther)
        }
    }

    @Test func nextOnlyLeadsToLocalPages() {
        #expect(LoginController.safeNext("/admin/users") == "/admin/users")
        #expect(LoginController.safeNext("//evil.example") == "")
        #expect(LoginController.safeNext("https://evil.example") == "")
        #expect(LoginController.safeNext("/\\evil.example") == "")
    }
}
