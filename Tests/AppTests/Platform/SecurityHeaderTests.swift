import Testing
import VaporTesting
@testable import App

@Suite("Security headers")
struct SecurityHeaderTests {
    func expectHardened(_ response: TestingHTTPResponse) {
        let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
        #expect(csp.contains("default-src 'none'"))
        #expect(csp.contains("script-src 'self'"))
        #expect(csp.contains("frame-ancestors 'none'"))
        #expect(!csp.contains("unsafe-inline"))
        #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
        #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
    }

    @Test func onAPage() async throws {
        try await withApp { app in
            let response = try await TestClient(app).get("/login")
            #expect(response.status == .ok)
            expectHardened(response)
            #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
        }
    }

    @Test func onAnErrorPage() async throws {
        try await withApp { app in
            let response = try await TestClient(app).get("/does-not-exist")
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("Deze pagina bestaat niet."))
            expectHardened(response)
        }
    }

    @Test func onAnAPIResponse() async throws {
        try await withApp { app in
            let response = try await TestClient(app).get("/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(response.body.string.contains(#""status":404"#))
            expectHardened(response)
        }
    }

    @Test func hstsBehindTLS() async throws {
        try await withApp(behindTLS: true) { app in
            let response = try await TestClient(app).get("/login")
            #expect(response.headers.first(name: "Strict-Transport-Security")?.contains("max-age=31536000") == true)
            #expect(response.headers[.setCookie].allSatisfy { $0.contains("Secure") })
        }
    }

    @Test func cookiesAreHttpOnlyAndSameSite() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            let response = try await fixtures.signIn(TestClient(app), "fatima", secret: nil)
            let session = response.headers[.setCookie].first { $0.hasPrefix(SessionStore.cookieName) } ?? ""
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Lax"))
        }
    }
}
