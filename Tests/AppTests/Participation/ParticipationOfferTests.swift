import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Issue 24: a service of the social map becomes a participation offer,
/// kept by those who may edit the service; bad terms are named and lose
/// nothing; a stale save is refused; the service's page shows the terms.
@Suite("Participation: offers on the social map", .serialized)
struct ParticipationOfferTests {
    static func terms(version: Int, free: String = "1") -> [(String, String)] {
        [("version", String(version)), ("kind", "supported_job"), ("talents[]", "returns"), ("talents[]", "sorting"), ("rung", "5"),
         ("times[]", "TU-am"), ("times[]", "TH-am"), ("postcode", "1011 ab"), ("support[]", "job_coach"), ("places", "2"), ("places_free", free)]
    }

    @Test func editorsMakeAServiceAnOfferAndTheMapShowsIt() async throws {
        try await withApp { app in
            let w = try await ServiceEditingTests().world(app)
            let serviceID = try w.service.requireID()
            let path = SiteRoute.socialMapServiceOffer.path(serviceID)
            #expect(try await w.outsider.get(path).status == .forbidden)
            #expect(try await w.outsider.post(path, pairs: Self.terms(version: 0)).status == .forbidden)
            #expect(try await w.editor.get(path).status == .ok)

            // Without a place, with times that do not parse and more free than there are: named, kept, nothing saved.
            let bad = try await w.editor.post(path, pairs: [("version", "0"), ("kind", "supported_job"), ("talents[]", "returns"), ("rung", "5"),
                                                            ("times[]", "Tuesday"), ("postcode", ""), ("places", "2"), ("places_free", "3")])
            #expect(bad.status == .unprocessableEntity)
            for message in ["Vul de postcode van de plek in.", "Kies alleen dagdelen uit de lijst.", "Er kunnen niet meer vrije plekken zijn dan plekken."] {
                #expect(bad.body.string.contains(message), "\(message)")
            }
            #expect(bad.body.string.contains(#"value="returns" checked"#))
            #expect(try await ParticipationOffer.query(on: app.db).count() == 0)

            #expect(try await w.editor.post(path, pairs: Self.terms(version: 0)).status == .seeOther)
            let offer = try #require(try await ParticipationOffer.query(on: app.db).first())
            #expect(offer.postcode4 == "1011" && offer.terms.times == HalfDays(codes: ["TU-am", "TH-am"]) && offer.terms.support == [.jobCoach])
            let page = try await w.editor.get(SiteRoute.socialMapService.path(serviceID)).body.string
            #expect(page.contains("Werk met begeleiding") && page.contains("Statiegeld en retouren") && page.contains("dinsdag ochtend") && page.contains("1 van 2"))

            // The admin saves on version 1; the editor's form from version 1 is then stale.
            #expect(try await w.admin.post(path, pairs: Self.terms(version: 1, free: "0")).status == .seeOther)
            let stale = try await w.editor.post(path, pairs: Self.terms(version: 1, free: "2"))
            #expect(stale.status == .conflict && stale.body.string.contains(#"name="version" value="2""#))
            #expect(try await ParticipationOffer.query(on: app.db).first()?.placesFree == 0)
        }
    }
}
