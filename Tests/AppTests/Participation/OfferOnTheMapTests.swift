import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Offers are part of the social map (issue 24): its search finds them by
/// kind, and the HSDS API gives their terms as attributes of the service.
@Suite("Participation: offers on the social map and in HSDS", .serialized)
struct OfferOnTheMapTests {
    @Test func theSearchFindsOffersByKindAndHSDSGivesTheirTerms() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant("alpha")
            let tenantID = try tenant.requireID()
            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let provider = try await map.provider("Buurtsuper")
            let desk = try await map.service("Statiegeldbalie", at: provider)
            try await map.service("Spreekuur geldzaken", at: provider)
            let checked = try OfferCheck.check(OfferSubmission(kind: "supported_job", talents: ["returns", "sorting"], rung: "5", times: ["TU-am", "TH-am"],
                                                               postcode: "1234 AB", support: ["job_coach"], places: "2", placesFree: "1"), talents: app.talents.codes).get()
            #expect(try await OfferController.store(checked, for: desk, seenVersion: 0, tenantID: tenantID, on: app.db))

            func names(_ offers: SocialMapFilter.OfferChoice?) async throws -> [String] {
                var query = SocialMapQuery()
                query.offers = offers
                return try await SocialMapSearch.run(query, tenantID: tenantID, on: app.db).map(\.name).sorted()
            }
            #expect(try await names(nil) == ["Spreekuur geldzaken", "Statiegeldbalie"])
            #expect(try await names(.any) == ["Statiegeldbalie"])
            #expect(try await names(.kind(.supportedJob)) == ["Statiegeldbalie"])
            #expect(try await names(.kind(.volunteering)).isEmpty)
            #expect(SocialMapFilter.OfferChoice(code: "nonsense") == nil, "nonsense in the query string filters nothing")

            // The public page's form keeps the choice.
            tenant.publicSocialMap = true
            try await tenant.save(on: app.db)
            let anonymous = TestClient(app)
            let page = try await anonymous.get(SiteRoute.publicSocialMap.path(tenant.slug) + "?offer=supported_job").body.string
            #expect(page.contains("Statiegeldbalie") && !page.contains("Spreekuur geldzaken") && page.contains(#"<option value="supported_job" selected>"#))

            // HSDS: the offer's terms as attributes of its service, each with an id of its own.
            let id = try desk.requireID().uuidString.lowercased()
            let one = try JSONSerialization.jsonObject(with: Data(try await anonymous.get("/hsds/services/\(id)?tenant=alpha").body.readableBytesView)) as? [String: Any]
            let attributes = try #require(one?["attributes"] as? [[String: Any]])
            func values(_ type: String) -> [String] { attributes.filter { $0["link_type"] as? String == type }.compactMap { $0["value"] as? String }.sorted() }
            #expect(values("samenspel_offer_kind") == ["supported_job"] && values("samenspel_ladder_rung") == ["5"])
            #expect(values("samenspel_talent") == ["returns", "sorting"] && values("samenspel_support") == ["job_coach"])
            #expect(values("samenspel_half_days") == ["TU-am,TH-am"] && values("samenspel_places_free") == ["1"] && values("samenspel_offer_postcode").first?.hasPrefix("1234") == true)
            let ids = attributes.compactMap { $0["id"] as? String }
            #expect(Set(ids).count == ids.count)
        }
    }
}
