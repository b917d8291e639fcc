import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Tenant isolation of administration")
struct TenantIsolationTests {
    @Test func adminOfTenantBGets404OnTenantAData() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha")
            let beta = try await fixtures.tenant("beta")
            let alphaOrg = try await fixtures.organization(in: alpha)
            let (alphaUser, _) = try await fixtures.user("alpha-worker", role: .professional, in: alpha, organization: alphaOrg)
            let (_, secret) = try await fixtures.user("beta-admin", role: .tenantAdmin, in: beta)
            let client = TestClient(app)
            try await fixtures.signIn(client, "beta-admin", secret: secret)

            let orgID = try alphaOrg.requireID(), userID = try alphaUser.requireID()
            for path in [SiteRoute.organization.path(orgID), SiteRoute.user.path(userID)] {
                #expect(try await client.get(path).status == .notFound, "GET \(path)")
            }
            try await client.get("/admin/users")
            let posts: [(String, [String: String])] = [
                (SiteRoute.organization.path(orgID), ["name": "Overgenomen", "kind": "welfare", "version": "1"]),
                (SiteRoute.user.path(userID), ["display_name": "X", "role": "analyst", "version": "1"]),
                (SiteRoute.userDeactivate.path(userID), [:]),
                (SiteRoute.userReactivate.path(userID), [:]),
                (SiteRoute.userReset.path(userID), [:]),
            ]
            for (path, form) in posts {
                #expect(try await client.post(path, form).status == .notFound, "POST \(path)")
            }
            // Nothing of tenant A changed, and its rows never appear in B's lists.
            let stored = try await User.find(userID, on: app.db)!
            #expect(stored.isActive && stored.passwordHash != nil && stored.role == "professional")
            #expect(try await Organization.find(orgID, on: app.db)?.name == "Sociaal Team")
            #expect(!(try await client.get("/admin/users").body.string.contains("alpha-worker")))
            #expect(!(try await client.get("/admin/organizations").body.string.contains("Sociaal Team")))
        }
    }

    @Test func anOrganisationOfAnotherTenantCannotBeAssigned() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha")
            let beta = try await fixtures.tenant("beta")
            let alphaOrg = try await fixtures.organization(in: alpha)
            let (_, secret) = try await fixtures.user("beta-admin", role: .tenantAdmin, in: beta)
            let client = TestClient(app)
            try await fixtures.signIn(client, "beta-admin", secret: secret)
            try await client.get("/admin/users/new")
            let response = try await client.post("/admin/users", [
                "username": "spy", "display_name": "Spy", "role": "professional", "organization_id": try alphaOrg.requireID().uuidString,
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(try await User.query(on: app.db).filter(\.$username == "spy").count() == 0)
        }
    }

    @Test func rolesWithoutAdministrationAreRefused() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha")
            let (_, secret) = try await fixtures.user("pieter", role: .analyst, in: alpha)
            let client = TestClient(app)
            try await fixtures.signIn(client, "pieter", secret: secret)
            #expect(try await client.get("/admin/users").status == .forbidden)
            #expect(try await client.get("/platform/tenants").status == .forbidden)
            #expect(try await client.get("/privacy/access-log").status == .forbidden)
        }
    }
}
