import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// The tenant admin marks a professional as manager of their organisation
/// on the user form; the flag means nothing without an organisation, so the
/// form refuses it there and keeps what was typed.
@Suite("Manager flag")
struct ManagerFlagTests {
    @Test func theTenantAdminSetsAndClearsTheFlagAndTheManagerGetsTheMonitor() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let team = try await fixtures.organization(in: tenant, name: "Buurtteam Noord")
            let (_, adminSecret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let (worker, workerSecret) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: team)
            let admin = TestClient(app), sanne = TestClient(app)
            try await fixtures.signIn(admin, "ruben", secret: adminSecret)
            try await fixtures.signIn(sanne, "sanne", secret: workerSecret)
            #expect(try await sanne.get(SiteRoute.monitor.path()).status == .forbidden)

            let path = SiteRoute.user.path(try worker.requireID())
            try await admin.get(path)
            #expect(admin.lastBody.contains("name=\"is_manager\""))
            let form = ["display_name": "Sanne", "role": "professional", "organization_id": try team.requireID().uuidString, "version": "1"]
            #expect(try await admin.post(path, form.merging(["is_manager": "on"]) { $1 }).status == .seeOther)
            #expect(try await User.find(worker.id, on: app.db)?.isManager == true)
            // The flag counts from the next request: no new sign-in needed.
            #expect(try await sanne.get(SiteRoute.monitor.path()).status == .ok)
            #expect(sanne.lastBody.contains("Monitor van Buurtteam Noord"))
            try await admin.get(path)
            #expect(admin.lastBody.contains("id=\"is_manager\" name=\"is_manager\" value=\"on\" checked"))

            #expect(try await admin.post(path, form.merging(["version": "2"]) { $1 }).status == .seeOther)
            #expect(try await User.find(worker.id, on: app.db)?.isManager == false)
            #expect(try await sanne.get(SiteRoute.monitor.path()).status == .forbidden)
        }
    }

    @Test func theFormRefusesTheFlagWithoutAnOrganisationAndKeepsWhatWasTyped() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, adminSecret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let (analyst, _) = try await fixtures.user("pieter", role: .analyst, in: tenant)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "ruben", secret: adminSecret)
            let path = SiteRoute.user.path(try analyst.requireID())
            try await admin.get(path)
            let refused = try await admin.post(path, ["display_name": "Pieter Jansen", "role": "analyst", "is_manager": "on", "version": "1"])
            #expect(refused.status == .unprocessableEntity)
            #expect(admin.lastBody.contains("Alleen een professional van een organisatie kan manager zijn."))
            #expect(admin.lastBody.contains("value=\"Pieter Jansen\""))
            #expect(admin.lastBody.contains("value=\"on\" checked"))
            let stored = try #require(try await User.find(analyst.id, on: app.db))
            #expect(!stored.isManager && stored.displayName == "Pieter")

            // Inviting someone without an organisation as manager is refused the same way.
            try await admin.get(SiteRoute.userNew.path())
            let invited = try await admin.post(SiteRoute.users.path(), ["username": "nieuw", "display_name": "Nieuw", "role": "privacy_officer", "is_manager": "on"])
            #expect(invited.status == .unprocessableEntity)
            #expect(try await User.query(on: app.db).filter(\.$username == "nieuw").first() == nil)
        }
    }
}
