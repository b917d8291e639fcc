import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("HSDS API")
struct HSDSAPITests {
    func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
    }

    @Test func publicTenantsByParameterSignedInForTheirOwn() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha"), beta = try await fixtures.tenant("beta")
            let alphaMap = SocialMapFixtures(app: app, tenantID: try alpha.requireID())
            let provider = try await alphaMap.provider("Welzijn Alpha")
            let service = try await alphaMap.service("Maatjesproject", at: provider, domains: [.socialNetwork], groups: [.elderly])
            let location = try await alphaMap.location(of: provider)
            try await ServiceAtLocation(tenantID: try alpha.requireID(), serviceID: try service.requireID(), locationID: try location.requireID()).create(on: app.db)
            let anonymous = TestClient(app)

            let info = try await anonymous.get("/hsds")
            #expect(info.status == .ok)
            #expect(try json(info)["version"] as? String == "3.0")
            let noTenant = try await anonymous.get("/hsds/services")
            #expect(noTenant.status == .badRequest)
            #expect(noTenant.headers.contentType?.description.contains("problem+json") == true)
            #expect(try await anonymous.get("/hsds/services?tenant=alpha").status == .notFound, "a private map does not exist")

            alpha.publicSocialMap = true
            try await alpha.save(on: app.db)
            let list = try json(try await anonymous.get("/hsds/services?tenant=alpha"))
            #expect(list["total_items"] as? Int == 1 && list["page_number"] as? Int == 1 && list["empty"] as? Bool == false)
            let id = try service.requireID().uuidString.lowercased()
            let one = try json(try await anonymous.get("/hsds/services/\(id)?tenant=alpha"))
            #expect(one["name"] as? String == "Maatjesproject")
            let attributes = try #require(one["attributes"] as? [[String: Any]])
            #expect(attributes.contains { $0["taxonomy_term_id"] as? String == MapTaxonomy.term(for: .socialNetwork).id.uuidString.lowercased() })
            #expect((one["service_at_locations"] as? [[String: Any]])?.count == 1)
            let elderly = MapTaxonomy.term(for: TargetGroup.elderly).id.uuidString
            #expect(try json(try await anonymous.get("/hsds/services?tenant=alpha&taxonomy_term_id=\(elderly)"))["total_items"] as? Int == 1)
            #expect(try json(try await anonymous.get("/hsds/services?tenant=alpha&taxonomy_term_id=\(UUID())"))["total_items"] as? Int == 0)
            #expect(try json(try await anonymous.get("/hsds/services?tenant=alpha&taxonomy_id=\(MapTaxonomy.targetGroups.id)"))["total_items"] as? Int == 1)
            #expect(try json(try await anonymous.get("/hsds/services?tenant=alpha&search=maatjes&postcode=1234AB&modified_after=2000-01-01"))["total_items"] as? Int == 1)
            #expect(try json(try await anonymous.get("/hsds/services?tenant=alpha&modified_after=2999-01-01T00:00:00Z"))["total_items"] as? Int == 0)
            #expect(try json(try await anonymous.get("/hsds/organizations?tenant=alpha"))["total_items"] as? Int == 1)
            #expect(try json(try await anonymous.get("/hsds/service_at_locations?tenant=alpha"))["total_items"] as? Int == 1)
            #expect(try json(try await anonymous.get("/hsds/taxonomies"))["total_items"] as? Int == 2)
            #expect(try json(try await anonymous.get("/hsds/taxonomy_terms?taxonomy_id=\(MapTaxonomy.lifeDomains.id)&per_page=5&page=3"))["size"] as? Int == 3)

            // Beta's signed-in professional reads beta's (empty) map by default, alpha's only because it is public.
            let (_, secret) = try await fixtures.user("bea", role: .professional, in: beta, organization: try await fixtures.organization(in: beta))
            let bea = TestClient(app)
            try await fixtures.signIn(bea, "bea", secret: secret)
            #expect(try json(try await bea.get("/hsds/services"))["total_items"] as? Int == 0)
            #expect(try await bea.get("/hsds/services/\(id)").status == .notFound)
            #expect(try await bea.get("/hsds/organizations/\(try provider.requireID())").status == .notFound)
            #expect(try await bea.get("/hsds/services/\(id)?tenant=alpha").status == .ok)
        }
    }

    /// The answer as JSON values, whose objects compare whatever their key order.
    func parsed(_ response: TestingHTTPResponse) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? NSObject)
    }

    /// A standard HSDS client knows no `?tenant=`: each published map has its
    /// own base URL, on which every path answers as `/hsds` does with the parameter.
    @Test func aPublishedMapHasItsOwnBaseURL() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha")
            let alphaMap = SocialMapFixtures(app: app, tenantID: try alpha.requireID())
            let provider = try await alphaMap.provider("Welzijn Alpha")
            let service = try await alphaMap.service("Maatjesproject", at: provider, domains: [.socialNetwork], groups: [.elderly])
            let location = try await alphaMap.location(of: provider)
            let link = ServiceAtLocation(tenantID: try alpha.requireID(), serviceID: try service.requireID(), locationID: try location.requireID())
            try await link.create(on: app.db)
            let anonymous = TestClient(app)
            let term = MapTaxonomy.term(for: .socialNetwork).id.uuidString.lowercased()
            let paths = ["", "/", "/services", "/services/\(try service.requireID())", "/organizations", "/organizations/\(try provider.requireID())",
                         "/service_at_locations", "/service_at_locations/\(try link.requireID())", "/taxonomies",
                         "/taxonomies/\(MapTaxonomy.lifeDomains.id)", "/taxonomy_terms", "/taxonomy_terms/\(term)"]
            for path in paths {
                #expect(try await anonymous.get("/t/alpha/hsds\(path)").status == .notFound, "\(path): a private map does not exist")
            }

            alpha.publicSocialMap = true
            try await alpha.save(on: app.db)
            for path in paths {
                let own = try await anonymous.get("/t/alpha/hsds\(path)")
                #expect(own.status == .ok, "\(path)")
                let separator = path.contains("?") ? "&" : "?"
                let byParameter = try await anonymous.get("/hsds\(path)\(separator)tenant=alpha")
                #expect(try parsed(own) == parsed(byParameter), "\(path)")
            }
            #expect(try json(try await anonymous.get("/t/alpha/hsds/services?search=maatjes"))["total_items"] as? Int == 1)
            #expect(try await anonymous.get("/t/alpha/hsds/services?page=0").status == .badRequest)
            #expect(try await anonymous.get("/t/nergens/hsds/taxonomies").status == .notFound)
            #expect(try await anonymous.get("/t/alpha/hsds/services/\(UUID())").status == .notFound)

            // The published map's page names its base URL.
            let page = try await anonymous.get("/t/alpha/sociale-kaart")
            #expect(page.body.string.contains("href=\"/t/alpha/hsds\""))
        }
    }

    @Test func theListIsBriefUnlessFullAndBothAgreeOnTheServiceFields() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha")
            alpha.publicSocialMap = true
            try await alpha.save(on: app.db)
            let map = SocialMapFixtures(app: app, tenantID: try alpha.requireID())
            let provider = try await map.provider("Welzijn Alpha")
            let service = try await map.service("Maatjesproject", at: provider, domains: [.socialNetwork], groups: [.elderly])
            let location = try await map.location(of: provider)
            try await ServiceAtLocation(tenantID: try alpha.requireID(), serviceID: try service.requireID(), locationID: try location.requireID()).create(on: app.db)
            let client = TestClient(app)

            let brief = try #require((try json(try await client.get("/hsds/services?tenant=alpha"))["contents"] as? [[String: Any]])?.first)
            let full = try #require((try json(try await client.get("/hsds/services?tenant=alpha&full=true"))["contents"] as? [[String: Any]])?.first)
            #expect(brief["service_at_locations"] == nil && brief["attributes"] == nil, "the brief form reads no child rows")
            #expect((full["service_at_locations"] as? [[String: Any]])?.count == 1 && (full["attributes"] as? [[String: Any]])?.isEmpty == false)
            for key in ["id", "organization_id", "name", "description", "status", "last_modified"] {
                #expect(brief[key] as? String == full[key] as? String, "\(key)")
            }
            #expect((brief["organization"] as? [String: Any])?["name"] as? String == "Welzijn Alpha")
            #expect((full["organization"] as? [String: Any])?["name"] as? String == "Welzijn Alpha")
        }
    }

    @Test func badParametersAre400NeverA500() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant("alpha")
            tenant.publicSocialMap = true
            try await tenant.save(on: app.db)
            let client = TestClient(app)
            for query in ["page=0", "page=abc", "per_page=0", "per_page=100000", "taxonomy_term_id=nope", "taxonomy_id=1",
                          "organization_id=%27%3B--", "modified_after=yesterday", "postcode=ABCD", "format=ndjson", "full=maybe",
                          "search=" + String(repeating: "x", count: 300)] {
                let response = try await client.get("/hsds/services?tenant=alpha&\(query)")
                #expect(response.status == .badRequest, "\(query) answered \(response.status.code)")
                #expect(response.body.string.contains("\"status\":400"))
            }
            #expect(try await client.get("/hsds/services/not-a-uuid?tenant=alpha").status == .notFound)
            #expect(try await client.get("/hsds/services?tenant=%00%01").status == .notFound)
            #expect(try await client.get("/hsds/taxonomy_terms/\(UUID())").status == .notFound)
            #expect(try await client.get("/hsds/services?tenant=alpha&page=99").status == .ok)
        }
    }
}
