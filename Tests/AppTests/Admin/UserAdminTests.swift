import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("User administration")
struct UserAdminTests {
    @Test func invitationLinkLetsTheNewUserChooseAPasswordOnce() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let organization = try await fixtures.organization(in: tenant)
            let (_, secret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "ruben", secret: secret)
            try await admin.get("/admin/users/new")
            let created = try await admin.post("/admin/users", [
                "username": "Sanne", "display_name": "Sanne de Vries", "role": "professional", "organization_id": try organization.requireID().uuidString,
            ])
            #expect(created.status == .ok)
            let link = try #require(TestClient.firstMatch(#"id="account-link">https?://[^/]+(/account-links/[A-Za-z0-9_-]+)<"#, in: created.body.string))

            let newcomer = TestClient(app)
            #expect(try await newcomer.get(link).status == .ok)
            let weak = try await newcomer.post(link, ["password": "short", "password_confirmation": "short"])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains("minstens 12 tekens"))
            #expect(try await newcomer.post(link, ["password": "a long pass phrase", "password_confirmation": "a long pass phrase"]).status == .seeOther)
            #expect(try await newcomer.get(link).status == .notFound)
            // Professionals must enrol a second factor on first sign-in.
            try await newcomer.get("/login")
            let signIn = try await newcomer.post("/login", ["username": "sanne", "password": "a long pass phrase"])
            #expect(signIn.headers.first(name: .location) == "/login/enrol")
        }
    }

    @Test func deactivationAndRoleChangeEndSessions() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, adminSecret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let (worker, workerSecret) = try await fixtures.user("pieter", role: .analyst, in: tenant)
            let admin = TestClient(app), other = TestClient(app)
            try await fixtures.signIn(admin, "ruben", secret: adminSecret)
            try await fixtures.signIn(other, "pieter", secret: workerSecret)
            #expect(try await other.get("/").status == .ok)

            let path = SiteRoute.user.path(try worker.requireID())
            try await admin.get(path)
            #expect(try await admin.post(path, ["display_name": "Pieter", "role": "privacy_officer", "version": "1"]).status == .seeOther)
            #expect(try await other.get("/").status == .seeOther)
            #expect(try await User.find(worker.id, on: app.db)?.role == "privacy_officer")

            try await fixtures.signIn(other, "pieter", secret: workerSecret)
            #expect(try await other.get("/privacy/access-log").status == .ok)
            #expect(try await admin.post(SiteRoute.userDeactivate.path(try worker.requireID())).status == .seeOther)
            #expect(try await other.get("/").status == .seeOther)
            #expect(try await fixtures.signIn(TestClient(app), "pieter", secret: nil).status == .unauthorized)
            let events = try await AccessLogEntry.query(on: app.db).filter(\.$userName == "ruben").all().map(\.event)
            #expect(events.contains("user.role_change") && events.contains("user.deactivate"))
        }
    }

    @Test func tenantAdminsCannotCreatePlatformAdmins() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "ruben", secret: secret)
            try await admin.get("/admin/users/new")
            let response = try await admin.post("/admin/users", ["username": "boss", "display_name": "Boss", "role": "platform_admin"])
            #expect(response.status == .unprocessableEntity)
            #expect(try await User.query(on: app.db).filter(\.$username == "boss").count() == 0)
        }
    }

    @Test func platformAdminCreatesATenantWithItsFirstAdmin() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let home = try await fixtures.tenant("platform")
            let (_, secret) = try await fixtures.user("lotte", role: .platformAdmin, in: home)
            let client = TestClient(app)
            try await fixtures.signIn(client, "lotte", secret: secret)
            try await client.get("/platform/tenants/new")
            let bad = try await client.post("/platform/tenants", ["name": "Utrecht", "slug": "Utrecht!", "admin_name": "", "admin_username": "x"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(#"value="Utrecht!""#))
            #expect(try await Tenant.query(on: app.db).count() == 1)
            let good = try await client.post("/platform/tenants", ["name": "Gemeente Utrecht", "slug": "utrecht", "admin_name": "Beheer Utrecht", "admin_username": "beheer-utrecht"])
            #expect(good.status == .ok)
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == "utrecht").first())
            let admin = try #require(try await User.query(on: app.db).filter(\.$username == "beheer-utrecht").first())
            #expect(admin.tenantID == tenant.id && admin.role == "tenant_admin" && admin.passwordHash == nil)
        }
    }

    @Test func resetInvalidatesThePasswordAndOptionallyTheSecondFactor() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let (worker, _) = try await fixtures.user("pieter", role: .analyst, in: tenant)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "ruben", secret: secret)
            try await admin.get(SiteRoute.user.path(try worker.requireID()))
            let response = try await admin.post(SiteRoute.userReset.path(try worker.requireID()), ["second_factor": "on"])
            #expect(response.status == .ok)
            let stored = try await User.find(worker.id, on: app.db)!
            #expect(stored.passwordHash == nil && stored.totpSecret == nil)
        }
    }
}

@Suite("Tenant administration")
struct TenantAdminTests {
    @Test func deactivatedTenantsCannotSignInUntilReactivated() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let home = try await fixtures.tenant("platform")
            let other = try await fixtures.tenant("beta")
            let (_, secret) = try await fixtures.user("lotte", role: .platformAdmin, in: home)
            try await fixtures.user("fatima", role: .resident, in: other, totp: false)
            let resident = TestClient(app)
            try await fixtures.signIn(resident, "fatima", secret: nil)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "lotte", secret: secret)
            try await admin.get("/platform/tenants")
            let otherID = try other.requireID()
            #expect(try await admin.post(SiteRoute.tenantDeactivate.path(otherID)).status == .seeOther)
            #expect(try await resident.get("/").status == .seeOther)
            #expect(try await fixtures.signIn(TestClient(app), "fatima", secret: nil).status == .unauthorized)
            // Nobody switches off their own tenant.
            #expect(try await admin.post(SiteRoute.tenantDeactivate.path(try home.requireID())).status == .forbidden)
            #expect(try await admin.post(SiteRoute.tenantReactivate.path(otherID)).status == .seeOther)
            #expect(try await fixtures.signIn(TestClient(app), "fatima", secret: nil).status == .seeOther)
        }
    }
}

@Suite("Only what the administrator may do")
struct UserAdminOffersTests {
    @Test func aTenantAdminIsNotOfferedToManageAPlatformAdmin() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (admin, adminSecret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let (boss, _) = try await fixtures.user("boss", role: .platformAdmin, in: tenant)
            let (colleague, _) = try await fixtures.user("pieter", role: .analyst, in: tenant)
            let client = TestClient(app)
            try await fixtures.signIn(client, "ruben", secret: adminSecret)
            let bossPage = try await client.get(SiteRoute.user.path(try boss.requireID())).body.string
            let bossID = try boss.requireID(), colleagueID = try colleague.requireID(), adminID = try admin.requireID()
            #expect(!bossPage.contains(SiteRoute.userDeactivate.path(bossID)) && !bossPage.contains(SiteRoute.userReset.path(bossID)))
            #expect(bossPage.contains("alleen een platformbeheerder"))
            // What it does offer works.
            let colleaguePage = try await client.get(SiteRoute.user.path(try colleague.requireID())).body.string
            #expect(colleaguePage.contains(SiteRoute.userDeactivate.path(colleagueID)))
            // Not to deactivate themself.
            let ownPage = try await client.get(SiteRoute.user.path(try admin.requireID())).body.string
            #expect(!ownPage.contains(SiteRoute.userDeactivate.path(adminID)) && ownPage.contains(SiteRoute.userReset.path(adminID)))
        }
    }
}
