import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Lockout with back-off")
struct LockoutTests {
    @Test func repeatedFailuresLockTheAccountEvenForTheRightPassword() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            let client = TestClient(app)
            try await client.get("/login")
            for _ in 0..<LockoutPolicy.account.threshold {
                #expect(try await client.post("/login", ["username": "fatima", "password": "wrong password"]).status == .unauthorized)
            }
            let locked = try await client.post("/login", ["username": "fatima", "password": Fixtures.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("tijdelijk geblokkeerd"))
            #expect(client.cookies[SessionStore.cookieName] == nil)

            // The lock ends after the back-off; then the right password works again.
            let throttle = try await LoginThrottle.query(on: app.db).filter(\.$key == "account:fatima").first()!
            #expect(throttle.failures == 5)
            let lockedFor = throttle.lockedUntil!.timeIntervalSince(throttle.updatedAt)
            #expect(abs(lockedFor - app.config.lockout.account.lockDuration(afterFailures: 5)!) < 0.01)
            throttle.lockedUntil = Date().addingTimeInterval(-1)
            try await throttle.save(on: app.db)
            #expect(try await client.post("/login", ["username": "fatima", "password": Fixtures.password]).status == .seeOther)
            #expect(try await LoginThrottle.query(on: app.db).filter(\.$key == "account:fatima").count() == 0)
        }
    }

    @Test func eachFurtherFailureDoublesTheLock() async throws {
        try await withApp { app in
            let keys = LoginThrottling.keys(username: "someone", address: "192.0.2.1")
            let now = Date()
            for _ in 0..<7 { try await LoginThrottling.recordFailure(keys, now: now, on: app.db) }
            let until = try #require(try await LoginThrottling.lockedUntil(keys, now: now, on: app.db))
            #expect(abs(until.timeIntervalSince(now) - LockoutPolicy.account.lockDuration(afterFailures: 7)!) < 0.01)
        }
    }

    @Test func unknownAccountsLockExactlyLikeRealOnes() async throws {
        try await withApp { app in
            let client = TestClient(app)
            try await client.get("/login")
            for _ in 0..<LockoutPolicy.account.threshold {
                try await client.post("/login", ["username": "ghost", "password": "wrong password"])
            }
            let locked = try await client.post("/login", ["username": "ghost", "password": "wrong password"])
            #expect(locked.status == .tooManyRequests)
        }
    }

    @Test func manyAccountsFromOneAddressLockTheAddress() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)
            let client = TestClient(app)
            try await client.get("/login")
            for index in 0..<LockoutPolicy.address.threshold {
                try await client.post("/login", ["username": "guess\(index)", "password": "wrong password"])
            }
            // A different, real account from the same address is now refused too.
            let refused = try await client.post("/login", ["username": "fatima", "password": Fixtures.password])
            #expect(refused.status == .tooManyRequests)
        }
    }
}
