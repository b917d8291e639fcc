import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Organisation administration")
struct OrganizationAdminTests {
    func admin(_ app: Application) async throws -> (TestClient, Tenant) {
        let fixtures = Fixtures(app: app)
        let tenant = try await fixtures.tenant()
        let (_, secret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
        let client = TestClient(app)
        try await fixtures.signIn(client, "ruben", secret: secret)
        try await client.get("/admin/organizations/new")
        return (client, tenant)
    }

    @Test func createIsLoggedInTheSameTransaction() async throws {
        try await withApp { app in
            let (client, _) = try await admin(app)
            let response = try await client.post("/admin/organizations", ["name": "Welzijn Oost", "kind": "welfare", "kvk_number": "1234 5678"])
            #expect(response.status == .seeOther)
            let organization = try #require(try await Organization.query(on: app.db).first())
            #expect(organization.kvkNumber == "12345678")
            let entry = try #require(try await AccessLogEntry.query(on: app.db).filter(\.$event == "organization.create").first())
            #expect(entry.objectID == organization.id?.uuidString)
            #expect(entry.userName == "ruben")
            #expect(entry.basis == "administration")
        }
    }

    @Test func badInputKeepsWhatWasTypedAndStoresNothing() async throws {
        try await withApp { app in
            let (client, _) = try await admin(app)
            #expect(!client.lastBody.contains("error-summary"), "a fresh form shows no error box")
            let tooLong = String(repeating: "Lang", count: 40)
            let response = try await client.post("/admin/organizations", ["name": tooLong, "kind": "spaceship", "kvk_number": "12<b>34"])
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains("Deze tekst is te lang."))
            #expect(body.contains("Kies een van de mogelijkheden."))
            #expect(body.contains("Een KvK-nummer bestaat uit acht cijfers."))
            #expect(body.contains(#"value="\#(tooLong)""#))
            #expect(body.contains("12&lt;b&gt;34"))
            #expect(!body.contains("12<b>34"))
            #expect(try await Organization.query(on: app.db).count() == 0)
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$event == "organization.create").count() == 0)
        }
    }

    @Test func missingFieldsAreAMessageNotACrash() async throws {
        try await withApp { app in
            let (client, _) = try await admin(app)
            let response = try await client.post("/admin/organizations", [:])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Vul dit veld in."))
            let garbage = try await client.send(.POST, "/admin/organizations", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: "_csrf=\(client.csrf!)&version=notanumber&name[]=x")
            #expect(garbage.status.code < 500)
        }
    }

    @Test func concurrentEditsNeverSilentlyOverwrite() async throws {
        try await withApp { app in
            let (first, tenant) = try await admin(app)
            let organization = try await Fixtures(app: app).organization(in: tenant, name: "Oud")
            let path = SiteRoute.organization.path(try organization.requireID())
            let second = TestClient(app)
            second.cookies = first.cookies
            try await first.get(path)
            try await second.get(path)
            #expect(try await first.post(path, ["name": "Eerste", "kind": "welfare", "version": "1"]).status == .seeOther)
            let conflict = try await second.post(path, ["name": "Tweede", "kind": "care", "version": "1"])
            #expect(conflict.status == .conflict)
            #expect(conflict.body.string.contains("Iemand anders heeft dit intussen gewijzigd"))
            #expect(conflict.body.string.contains(#"value="Tweede""#))
            #expect(conflict.body.string.contains("<dd>Eerste</dd>"))
            #expect(conflict.body.string.contains(#"name="version" value="2""#))
            #expect(try await Organization.find(organization.id, on: app.db)?.name == "Eerste")
            // Saving again, knowingly, now lands.
            #expect(try await second.post(path, ["name": "Tweede", "kind": "care", "version": "2"]).status == .seeOther)
            #expect(try await Organization.find(organization.id, on: app.db)?.name == "Tweede")
        }
    }
}
