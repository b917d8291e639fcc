import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Second factor")
struct SecondFactorTests {
    /// RFC 6238 appendix B, SHA-1, truncated to 6 digits.
    @Test func rfc6238Vectors() {
        let secret = Base32.encode(Array("12345678901234567890".utf8))
        #expect(SecondFactor.code(secret: secret, at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(SecondFactor.code(secret: secret, at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
        #expect(SecondFactor.verify(code: "287 082", secret: secret, at: Date(timeIntervalSince1970: 59)))
        #expect(SecondFactor.verify(code: "287082", secret: secret, at: Date(timeIntervalSince1970: 89)))
        #expect(!SecondFactor.verify(code: "287082", secret: secret, at: Date(timeIntervalSince1970: 150)))
    }

    @Test func enrolmentShowsTheSecretThenRecoveryCodesThatWorkOnce() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("ruben", role: .tenantAdmin, in: tenant, totp: false)
            let client = TestClient(app)
            try await client.get("/login")
            let afterPassword = try await client.post("/login", ["username": "ruben", "password": Fixtures.password])
            #expect(afterPassword.headers.first(name: .location) == "/login/enrol")
            #expect(try await client.get("/").status == .seeOther)

            let enrol = try await client.get("/login/enrol")
            let secret = try #require(TestClient.firstMatch(#"id="totp-secret">([A-Z2-7]+)<"#, in: enrol.body.string))
            #expect(enrol.body.string.contains("otpauth://totp/Samenspel%3Aruben?secret=\(secret)"))

            let wrong = try await client.post("/login/enrol", ["code": "000000"])
            #expect(wrong.status == .unprocessableEntity)
            let secretAgain = try #require(TestClient.firstMatch(#"id="totp-secret">([A-Z2-7]+)<"#, in: wrong.body.string))
            #expect(secretAgain == secret)

            let done = try await client.post("/login/enrol", ["code": SecondFactor.code(secret: secret)!])
            #expect(done.status == .ok)
            let codes = done.body.string.matches(of: /<code>([A-Z0-9]{5}-[A-Z0-9]{5})<\/code>/).map { String($0.1) }
            #expect(codes.count == SecondFactorController.recoveryCodeCount)
            #expect(try await client.get("/").status == .ok)
            let stored = try await User.query(on: app.db).filter(\.$username == "ruben").first()!
            #expect(stored.totpSecret != nil && stored.totpSecret != secret)

            // A recovery code signs in once.
            try await client.post("/logout")
            let again = TestClient(app)
            try await again.get("/login")
            try await again.post("/login", ["username": "ruben", "password": Fixtures.password])
            try await again.get("/login/second-factor")
            #expect(try await again.post("/login/second-factor", ["code": codes[0].lowercased()]).status == .seeOther)
            #expect(try await again.get("/").status == .ok)

            let third = TestClient(app)
            try await third.get("/login")
            try await third.post("/login", ["username": "ruben", "password": Fixtures.password])
            try await third.get("/login/second-factor")
            #expect(try await third.post("/login/second-factor", ["code": codes[0]]).status == .unauthorized)
        }
    }

    @Test func wrongCodeIsRefusedAndLogged() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("anouk", role: .privacyOfficer, in: tenant)
            let client = TestClient(app)
            try await client.get("/login")
            try await client.post("/login", ["username": "anouk", "password": Fixtures.password])
            try await client.get("/login/second-factor")
            let refused = try await client.post("/login/second-factor", ["code": "123456"])
            #expect(refused.status == .unauthorized)
            #expect(refused.body.string.contains("Deze code klopt niet"))
            #expect(try await client.get("/privacy/access-log").status == .seeOther)
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$event == "login.second_factor_failure").count() == 1)
        }
    }
}
