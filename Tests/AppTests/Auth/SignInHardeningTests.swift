import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Findings of the security probe on signing in, each tried as the attacker did.
@Suite("Signing in, hardened")
struct SignInHardeningTests {
    static let hostileNexts = [
        "/\r\nSet-Cookie: injected=1",
        "/\r\n\r\n<html>",
        "/\t/evil.example",
        "/ /evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "/%2F%2Fevil.example",
        "/%0d%0aSet-Cookie:%20x=1",
        "/\u{0}x",
        "/\u{2028}x",
    ]

    @Test func aHostileNextNeverReachesTheLocationHeader() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            for next in Self.hostileNexts {
                let client = TestClient(app)
                try await client.get("/login")
                let response = try await client.post("/login", ["username": "fatima", "password": Fixtures.password, "next": next])
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == ["/"], "next=\(next.debugDescription)")
                #expect(!response.headers.contains(name: "injected"))
            }
            // A plain local path still leads back where the person was going.
            let client = TestClient(app)
            try await client.get("/login")
            let back = try await client.post("/login", ["username": "fatima", "password": Fixtures.password, "next": "/portal?tab=plan"])
            #expect(back.headers.first(name: .location) == "/portal?tab=plan")
        }
    }

    @Test func theSecondFactorStepCarriesOnlyASafeNext() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: try await fixtures.organization(in: tenant))
            let client = TestClient(app)
            try await client.get("/login")
            _ = try await client.post("/login", ["username": "sanne", "password": Fixtures.password])
            try await client.get("/login/second-factor")
            let done = try await client.post("/login/second-factor", ["code": SecondFactor.code(secret: secret!)!, "next": "/\t/evil.example"])
            #expect(done.headers[.location] == ["/"])
        }
    }

    @Test func aTOTPCodeWorksOnlyOnce() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: try await fixtures.organization(in: tenant))
            let code = SecondFactor.code(secret: secret!)!
            var outcomes: [HTTPStatus] = []
            for _ in 0..<2 {
                let client = TestClient(app)
                try await client.get("/login")
                _ = try await client.post("/login", ["username": "sanne", "password": Fixtures.password])
                try await client.get("/login/second-factor")
                outcomes.append(try await client.post("/login/second-factor", ["code": code]).status)
            }
            #expect(outcomes == [.seeOther, .unauthorized])
        }
    }

    @Test func aStrangerCannotLockOutSomeoneWithASecondFactor() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: try await fixtures.organization(in: tenant))
            let stranger = TestClient(app)
            try await stranger.get("/login")
            for _ in 0..<(LockoutPolicy.account.threshold + 2) {
                try await stranger.post("/login", ["username": "sanne", "password": "a wrong guess"])
            }
            // Guessing stays slow: the account refuses passwords alone.
            let guessed = try await stranger.post("/login", ["username": "sanne", "password": "another wrong guess"])
            #expect(guessed.status == .tooManyRequests)

            // Sanne, with her password and authenticator together, gets in all the same.
            let sanne = TestClient(app)
            try await sanne.get("/login")
            let asked = try await sanne.post("/login", ["username": "sanne", "password": Fixtures.password])
            #expect(asked.status == .tooManyRequests)
            #expect(asked.body.string.contains(#"name="code""#))
            // Neither half alone gets through, and the answer does not say which half was wrong.
            let code = SecondFactor.code(secret: secret!)!
            let wrongCode = try await sanne.post("/login", ["username": "sanne", "password": Fixtures.password, "code": "000000"])
            let wrongPassword = try await stranger.post("/login", ["username": "sanne", "password": "a third guess", "code": code])
            #expect(wrongCode.status == .tooManyRequests && wrongPassword.status == .tooManyRequests)
            #expect(wrongCode.body.string.contains("tijdelijk geblokkeerd") && wrongPassword.body.string.contains("tijdelijk geblokkeerd"))
            // (The code was not spent by the refused attempt with the wrong password.)
            let done = try await sanne.post("/login", ["username": "sanne", "password": Fixtures.password, "code": code])
            #expect(done.headers.first(name: .location) == "/")
            #expect(try await sanne.get("/").status == .ok)
        }
    }

    @Test func aLockedAccountWithoutASecondFactorStaysLocked() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            let client = TestClient(app)
            try await client.get("/login")
            for _ in 0..<LockoutPolicy.account.threshold {
                try await client.post("/login", ["username": "fatima", "password": "wrong password"])
            }
            let locked = try await client.post("/login", ["username": "fatima", "password": Fixtures.password, "code": "123456"])
            #expect(locked.status == .tooManyRequests)
            #expect(client.cookies[SessionStore.cookieName] == nil)
        }
    }

    @Test func aPasswordLinkIsSpentByOneOfManySimultaneousUses() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (user, _) = try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            let token = RandomToken.urlSafe()
            try await AccountLink(
                tenantID: user.tenantID, userID: try user.requireID(), tokenHash: KeyedHash(key: app.config.keys.session).hex(token, purpose: "account-link"),
                purpose: .reset, expiresAt: Date().addingTimeInterval(3600)
            ).create(on: app.db)
            let path = SiteRoute.accountLink.path(token)
            let clients = try await Self.browsers(4, opening: path, app)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (index, client) in clients.enumerated() {
                    let password = "een nieuw wachtwoord \(index)"
                    group.addTask { try await client.post(path, ["password": password, "password_confirmation": password]).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 1)
            #expect(statuses.filter { $0 == .notFound }.count == 3)
        }
    }

    @Test func anActivationCodeMakesOneAccount() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try #require(try await Resident.query(on: app.db).first())
            try await scenario.coordinator.get(scenario.path)
            let codePage = try await scenario.coordinator.post(SiteRoute.portalCode.path(scenario.householdID, try resident.requireID()))
            let code = try #require(TestClient.firstMatch(#"id="portal-code">([A-Z0-9-]+)<"#, in: codePage.body.string))
            let clients = try await Self.browsers(4, opening: "/portal/activate", app)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (index, client) in clients.enumerated() {
                    group.addTask {
                        try await client.post("/portal/activate", ["code": code, "username": "fatima\(index)", "password": "mijn eigen wachtwoord", "password_confirmation": "mijn eigen wachtwoord"]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 1)
            #expect(try await User.query(on: app.db).filter(\.$role == Role.resident.rawValue).count() == 1)
        }
    }

    /// `count` browsers that each opened `path` (and so hold a CSRF token).
    static func browsers(_ count: Int, opening path: String, _ app: Application) async throws -> [TestClient] {
        var clients: [TestClient] = []
        for _ in 0..<count {
            let client = TestClient(app)
            try await client.get(path)
            clients.append(client)
        }
        return clients
    }
}
