import Foundation
import Testing
@testable import Domain

@Suite("Lockout and session policies")
struct SecurityPolicyTests {
    @Test func noLockBelowThreshold() {
        let policy = LockoutPolicy(threshold: 5, baseDelay: 30, maximumDelay: 3600)
        for failures in 0..<5 { #expect(policy.lockDuration(afterFailures: failures) == nil) }
    }

    @Test func backOffDoublesThenCaps() {
        let policy = LockoutPolicy(threshold: 5, baseDelay: 30, maximumDelay: 3600)
        #expect(policy.lockDuration(afterFailures: 5) == 30)
        #expect(policy.lockDuration(afterFailures: 6) == 60)
        #expect(policy.lockDuration(afterFailures: 7) == 120)
        #expect(policy.lockDuration(afterFailures: 12) == 3600)
        #expect(policy.lockDuration(afterFailures: 1000) == 3600)
    }

    @Test func addressThresholdIsHigherThanAccount() {
        #expect(LockoutPolicy.address.threshold > LockoutPolicy.account.threshold)
    }

    @Test func sessionTimeouts() {
        let policy = SessionPolicy(idleTimeout: 1800, absoluteTimeout: 12 * 3600)
        let start = Date(timeIntervalSince1970: 1_000_000)
        #expect(policy.verdict(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(1799)) == .valid)
        #expect(policy.verdict(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(1800)) == .idleExpired)
        let busy = start.addingTimeInterval(12 * 3600 - 60)
        #expect(policy.verdict(createdAt: start, lastSeenAt: busy, now: busy.addingTimeInterval(30)) == .valid)
        #expect(policy.verdict(createdAt: start, lastSeenAt: busy, now: start.addingTimeInterval(12 * 3600)) == .absoluteExpired)
    }
}

@Suite("Roles")
struct RoleTests {
    @Test func everyoneButResidentsNeedsASecondFactor() {
        for role in Role.allCases {
            #expect(role.requiresSecondFactor == (role != .resident))
        }
    }

    @Test func tenantAdminsCannotMakePlatformAdmins() {
        #expect(!Role.assignableByTenantAdmin.contains(.platformAdmin))
    }

    @Test func onlyTheMunicipalityIsNotAPartner() {
        #expect(OrganizationKind.allCases.filter(\.isMunicipal) == [.municipalSocialServices])
    }

    @Test func thirteenLifeDomains() {
        #expect(LifeDomain.allCases.count == 13)
    }
}
