import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Social map editing")
struct ServiceEditingTests {
    struct World {
        let app: Application
        let tenant: Tenant
        let welfare: Organization
        let provider: MapOrganization
        let service: Service
        let editor: TestClient
        let outsider: TestClient
        let admin: TestClient
    }

    func world(_ app: Application) async throws -> World {
        let fixtures = Fixtures(app: app)
        let tenant = try await fixtures.tenant()
        let welfare = try await fixtures.organization(in: tenant, name: "Welzijn", kind: .welfare)
        let team = try await fixtures.organization(in: tenant, name: "Sociaal Team", kind: .socialTeam)
        let map = SocialMapFixtures(app: app, tenantID: try tenant.requireID())
        let provider = try await map.provider("Welzijn Alpha", linkedTo: welfare)
        let service = try await map.service("Maatschappelijk werk", at: provider)
        var clients: [TestClient] = []
        for (name, role, organization) in [("wim", Role.professional, Optional(welfare)), ("tess", .professional, team), ("ruben", .tenantAdmin, nil)] {
            let (_, secret) = try await fixtures.user(name, role: role, in: tenant, organization: organization)
            let client = TestClient(app)
            try await fixtures.signIn(client, name, secret: secret)
            try await client.get("/social-map")
            clients.append(client)
        }
        return World(app: app, tenant: tenant, welfare: welfare, provider: provider, service: service, editor: clients[0], outsider: clients[1], admin: clients[2])
    }

    func form(_ w: World, name: String, version: Int, extra: [String: String] = [:]) throws -> [String: String] {
        var form = ["map_organization_id": try w.provider.requireID().uuidString, "name": name, "description": "Gesprekken bij problemen thuis",
                    "status": "active", "capacity": "waiting_list", "expected_wait_weeks": "3", "accepts_referrals": "on", "response_days": "5",
                    "language_nl": "on", "language_en": "on", "domain_domestic_relations": "on", "group_families": "on", "areas": "1234, BU00010001",
                    "hours_MO": "09:00-12:00, 13:00-17:00", "version": String(version)]
        form.merge(extra) { $1 }
        return form
    }

    @Test func editorsChangeTheirOwnServicesOnly() async throws {
        try await withApp { app in
            let w = try await world(app)
            let path = SiteRoute.socialMapServiceEdit.path(try w.service.requireID())
            #expect(try await w.outsider.get(path).status == .forbidden)
            #expect(try await w.outsider.post(path, try form(w, name: "Overgenomen", version: 1)).status == .forbidden)
            #expect(try await w.outsider.get("/social-map/services/new").status == .forbidden)
            #expect(try await w.editor.get(path).status == .ok)
            let saved = try await w.editor.post(path, try form(w, name: "Maatschappelijk werk Oost", version: 1))
            #expect(saved.status == .seeOther)
            let record = try await ServiceRecords.load(try #require(try await Service.find(w.service.id, on: app.db)), on: app.db)
            #expect(record.service.name == "Maatschappelijk werk Oost" && record.service.version == 2)
            #expect(record.service.serviceCapacity == .waitingList && record.service.expectedWaitWeeks == 3)
            #expect(record.lifeDomains == [.domesticRelations] && record.targetGroups == [.families])
            #expect(record.areas.map(\.extent).sorted() == ["1234", "BU00010001"])
            #expect(record.schedules.map(\.opensAt) == ["09:00", "13:00"])
            #expect(record.service.searchText.contains("welzijn alpha"))
            // Editors do not add providers; the admin does.
            #expect(try await w.editor.get("/social-map/providers/new").status == .forbidden)
            #expect(try await w.admin.get(path).status == .ok)
            let created = try await w.admin.post("/social-map/services", try form(w, name: "Ouderenadvies", version: 0))
            #expect(created.status == .seeOther)
            #expect(try await Service.query(on: app.db).filter(\.$name == "Ouderenadvies").count() == 1)
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$event == "socialmap.service.update").count() == 1)
        }
    }

    @Test func concurrentEditsNeverSilentlyOverwrite() async throws {
        try await withApp { app in
            let w = try await world(app)
            let path = SiteRoute.socialMapServiceEdit.path(try w.service.requireID())
            #expect(try await w.editor.post(path, try form(w, name: "Eerste", version: 1)).status == .seeOther)
            let conflict = try await w.admin.post(path, try form(w, name: "Tweede", version: 1))
            #expect(conflict.status == .conflict)
            let body = conflict.body.string
            #expect(body.contains("Iemand anders heeft dit intussen gewijzigd"))
            #expect(body.contains(#"value="Tweede""#))
            #expect(body.contains("<dd>Eerste</dd>"))
            #expect(body.contains(#"name="version" value="2""#))
            #expect(try await Service.find(w.service.id, on: app.db)?.name == "Eerste")
        }
    }

    /// Languages are ticked, not typed; one a service has from an import stays on the form and after saving.
    @Test func languagesArePickedFromAList() async throws {
        try await withApp { app in
            let w = try await world(app)
            let path = SiteRoute.socialMapServiceEdit.path(try w.service.requireID())
            w.service.languages = "nl,hy"
            try await w.service.save(on: app.db)
            let page = try await w.editor.get(path).body.string
            #expect(page.contains(#"<input type="checkbox" id="language_ar" name="language_ar" value="on"><label for="language_ar">Arabisch</label>"#))
            #expect(page.contains(#"id="language_hy" name="language_hy" value="on" checked>"#))
            #expect(!page.contains(#"name="languages""#))
            let saved = try await w.editor.post(path, try form(w, name: "Maatschappelijk werk", version: 1, extra: ["language_ar": "on", "language_hy": "on", "language_x<y": "on"]))
            #expect(saved.status == .seeOther)
            #expect(try await Service.find(w.service.id, on: app.db)?.languageCodes == ["nl", "en", "ar", "hy"])
        }
    }

    @Test func badInputIsExplainedAndNothingIsSaved() async throws {
        try await withApp { app in
            let w = try await world(app)
            let path = SiteRoute.socialMapServiceEdit.path(try w.service.requireID())
            var bad = try form(w, name: "", version: 1, extra: [
                "url": "javascript:alert(1)", "email": "geen-adres", "phones": "bel me", "capacity": "lots",
                "response_days": "0", "areas": "overal", "hours_TU": "17:00-09:00", "status": "weg",
            ])
            bad["domain_domestic_relations"] = nil
            let response = try await w.editor.post(path, bad)
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            for message in ["Vul dit veld in.", "Vul een webadres in dat begint met https://.", "Vul een e-mailadres in",
                            "Vul telefoonnummers in", "Kies een van de mogelijkheden.", "Vul een aantal werkdagen in",
                            "Vul postcodes in", "Vul tijden in als 09:00-17:00", "Kies minstens één leefgebied."] {
                #expect(body.contains(message), "missing: \(message)")
            }
            #expect(body.contains(#"value="javascript:alert(1)""#), "what was typed stays")
            #expect(try await Service.find(w.service.id, on: app.db)?.version == 1)
            let garbage = try await w.editor.send(.POST, path, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: "_csrf=\(w.editor.csrf!)&name[]=x&version=abc")
            #expect(garbage.status.code < 500)
        }
    }

    @Test func providersAndLocations() async throws {
        try await withApp { app in
            let w = try await world(app)
            let created = try await w.admin.post("/social-map/providers", ["name": "Voedselbank", "description": "Pakketten", "informal": "on", "phones": "0123-456789"])
            #expect(created.status == .seeOther)
            let provider = try #require(try await MapOrganization.query(on: app.db).filter(\.$name == "Voedselbank").first())
            #expect(provider.informal)
            let path = SiteRoute.socialMapProvider.path(try w.provider.requireID())
            // The editor changes their provider but not its link.
            let other = try await Fixtures(app: app).organization(in: w.tenant, name: "Zorg", kind: .care)
            let saved = try await w.editor.post(path, ["name": "Welzijn Alpha Oost", "description": "Welzijn", "organization_id": try other.requireID().uuidString, "version": "1"])
            #expect(saved.status == .seeOther)
            let updated = try #require(try await MapOrganization.find(w.provider.id, on: app.db))
            #expect(updated.name == "Welzijn Alpha Oost" && updated.organizationID == w.welfare.id && updated.version == 2)
            #expect(try await Service.find(w.service.id, on: app.db)?.searchText.contains("welzijn alpha oost") == true)
            #expect(try await w.outsider.post(path, ["name": "X", "description": "Y", "version": "2"]).status == .forbidden)
            let location = try await w.editor.post(SiteRoute.socialMapLocations.path(try w.provider.requireID()),
                                                   ["name": "Wijkcentrum", "address_1": "Dorpsstraat 1", "postal_code": "1234ab", "city": "Alpha"])
            #expect(location.status == .seeOther)
            #expect(try await MapLocation.query(on: app.db).first()?.postalCode == "1234 AB")
            let badLocation = try await w.editor.post(SiteRoute.socialMapLocations.path(try w.provider.requireID()), ["name": "X", "postal_code": "abc"])
            #expect(badLocation.status == .unprocessableEntity)
            #expect(badLocation.body.string.contains("Vul een postcode in als 1234 AB."))
        }
    }
}
