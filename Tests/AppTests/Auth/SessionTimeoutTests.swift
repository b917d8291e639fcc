import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Session lifetime")
struct SessionTimeoutTests {
    func signedIn(_ app: Application) async throws -> TestClient {
        let fixtures = Fixtures(app: app)
        let tenant = try await fixtures.tenant()
        try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
        let client = TestClient(app)
        try await fixtures.signIn(client, "fatima", secret: nil)
        #expect(try await client.get("/").status == .ok)
        return client
    }

    @Test func idleSessionEnds() async throws {
        try await withApp { app in
            let client = try await signedIn(app)
            let session = try await UserSession.query(on: app.db).first()!
            session.lastSeenAt = Date().addingTimeInterval(-31 * 60)
            try await session.save(on: app.db)
            let response = try await client.get("/")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.contains("expired=1") == true)
            #expect(try await UserSession.query(on: app.db).count() == 0)
        }
    }

    @Test func sessionEndsAfterTheAbsoluteLimitEvenWhenBusy() async throws {
        try await withApp { app in
            let client = try await signedIn(app)
            let session = try await UserSession.query(on: app.db).first()!
            session.createdAt = Date().addingTimeInterval(-12 * 3600 - 1)
            session.lastSeenAt = Date()
            try await session.save(on: app.db)
            #expect(try await client.get("/").status == .seeOther)
        }
    }

    @Test func recentActivityKeepsTheSession() async throws {
        try await withApp { app in
            let client = try await signedIn(app)
            let session = try await UserSession.query(on: app.db).first()!
            session.lastSeenAt = Date().addingTimeInterval(-29 * 60)
            try await session.save(on: app.db)
            #expect(try await client.get("/").status == .ok)
            let touched = try await UserSession.query(on: app.db).first()!
            #expect(touched.lastSeenAt > Date().addingTimeInterval(-60))
        }
    }

    /// Touching the session saves it; what the session's query joined
    /// (account, organisation) must be read before that, or the next
    /// access to it traps.
    @Test func aProfessionalsSessionLastSeenMinutesAgoIsTouchedAndKeepsWorking() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let municipal = try await fixtures.organization(in: tenant, name: "Werk en Inkomen", kind: .municipalSocialServices)
            let (_, secret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: municipal)
            let client = TestClient(app)
            try await fixtures.signIn(client, "sanne", secret: secret)
            let session = try await UserSession.query(on: app.db).first()!
            session.lastSeenAt = Date().addingTimeInterval(-2 * 60)
            try await session.save(on: app.db)
            #expect(try await client.get("/worklist").status == .ok)
            #expect(try await UserSession.query(on: app.db).first()!.lastSeenAt > Date().addingTimeInterval(-60))
            #expect(try await client.get("/worklist").status == .ok)
        }
    }

    @Test func configuredTimeoutsApply() async throws {
        try await withApp(sessionPolicy: .init(policy: SessionPolicy(idleTimeout: 5 * 60, absoluteTimeout: 3600))) { app in
            let client = try await signedIn(app)
            let session = try await UserSession.query(on: app.db).first()!
            session.lastSeenAt = Date().addingTimeInterval(-6 * 60)
            try await session.save(on: app.db)
            #expect(try await client.get("/").status == .seeOther)
        }
    }

    @Test func tamperedCookieMeansAFreshLogin() async throws {
        try await withApp { app in
            let client = try await signedIn(app)
            let token = client.cookies[SessionStore.cookieName]!
            client.cookies[SessionStore.cookieName] = String(token.dropLast()) + (token.last == "A" ? "B" : "A")
            let response = try await client.get("/")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(client.cookies[SessionStore.cookieName] == nil)
            client.cookies[SessionStore.cookieName] = "garbage;<script>"
            #expect(try await client.get("/login").status == .ok)
        }
    }
}
