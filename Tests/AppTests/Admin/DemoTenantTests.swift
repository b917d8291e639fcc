import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Demo tenant")
struct DemoTenantTests {
    @Test func seedingTwiceIsHarmlessAndEveryLoginWorks() async throws {
        try await withApp { app in
            let first = try await DemoTenant.seed(app: app)
            let second = try await DemoTenant.seed(app: app)
            #expect(first.map(\.username) == second.map(\.username))
            #expect(first.map(\.totpSecret) == second.map(\.totpSecret))
            #expect(Set(first.map(\.role)) == Set(Role.allCases.map(\.rawValue)))
            #expect(try await Tenant.query(on: app.db).count() == 1)
            #expect(try await Household.query(on: app.db).count() == 1)
            #expect(try await Goal.query(on: app.db).count() == 2)
            #expect(try await ParticipationOffer.query(on: app.db).count() == DemoParticipation.offers.count)
            #expect(try await ParticipationProfile.query(on: app.db).count() == 1)
            // Two impact agreements, each with its partner's story and the municipality's response, once.
            #expect(try await ImpactAgreement.query(on: app.db).count() == 2)
            #expect(try await MonitorNote.query(on: app.db).count() == 4)
            #expect(try await User.query(on: app.db).filter(\.$isManager == true).all().map(\.username).sorted() == ["schuldhulp", "teamleider", "welzijn"])
            #expect(try await Organization.query(on: app.db).count() == OrganizationKind.allCases.count)
            let kinds = Set(try await Organization.query(on: app.db).all().map(\.kind))
            #expect(kinds == Set(OrganizationKind.allCases.map(\.rawValue)))
            for login in first {
                let client = TestClient(app)
                try await client.get("/login")
                try await client.post("/login", ["username": login.username, "password": login.password])
                if let secret = login.totpSecret {
                    try await client.get("/login/second-factor")
                    try await client.post("/login/second-factor", ["code": SecondFactor.code(secret: secret)!])
                }
                let home = try await client.get("/")
                if login.role == "resident" {
                    // The demo resident lands on their own plan.
                    #expect(home.headers.first(name: .location) == "/portal")
                    #expect(try await client.get("/portal").body.string.contains("Ik wil mijn rekeningen op tijd betalen"))
                    // Her best match, explained: the supermarket's bottle returns, a step up from rung 4.
                    let matches = try await client.get(SiteRoute.portalParticipationMatches.path()).body.string
                    let best = try #require(matches.range(of: "<h2>"))
                    #expect(matches[best.upperBound...].hasPrefix(#"<a href="/social-map/services/"#) && matches.contains("Statiegeldbalie"))
                    #expect(matches.range(of: "Statiegeldbalie")!.lowerBound < (matches.range(of: "Inloop met koffie")?.lowerBound ?? matches.endIndex))
                    #expect(matches.contains("van trede 4 naar trede 5") && matches.contains("De hulp die u nodig heeft is er: een jobcoach."))
                    #expect(!matches.contains("Werkfit-traject"), "a course is what she does not want")
                } else {
                    #expect(home.status == .ok, "\(login.username)")
                }
                // The demo professional has the household on their worklist; debt help sees it waiting for a contact.
                if login.username == "professional" {
                    #expect(try await client.get("/worklist").body.string.contains("Huishouden El Amrani"))
                } else if login.username == "schuldhulp" {
                    #expect(try await client.get("/worklist").body.string.contains("1 huishouden van uw organisatie heeft nog geen contactpersoon"))
                } else if login.username == "teamleider" {
                    // The demo manager reads the social team's own monitor.
                    #expect(try await client.get(SiteRoute.monitor.path()).body.string.contains("Monitor van Sociaal Team Voorbeeld"))
                }
            }
        }
    }

    @Test func demoLoginsAreNeverAddedToARealTenant() async throws {
        try await withApp { app in
            let real = Tenant(name: "Echte gemeente", slug: DemoTenant.slug, isDemo: false)
            try await real.create(on: app.db)
            await #expect(throws: DemoTenant.DemoError.self) { try await DemoTenant.seed(app: app) }
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }
}
