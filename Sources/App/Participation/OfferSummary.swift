import Domain
import Fluent
import Vapor

/// A participation offer in words, on its service's page of the social map
/// (for professionals and on the public map alike).
struct OfferSummary: Encodable {
    let kind: String
    let talents: String
    let rung: String
    let times: String
    let postcode: String
    let support: String
    let placesFree: String

    init(_ offer: ParticipationOffer, req: Request) {
        let language = req.locale.rawValue, codes = ParticipationProfile.codes
        kind = req.t("participation.kind.\(offer.kind)")
        talents = codes(offer.talents).map { req.talents.label(of: $0)?.text(language) ?? $0 }.joined(separator: ", ")
        rung = "\(offer.rung). " + (req.instruments.instrument("participation-ladder")?.scale.first { $0.value == offer.rung }?.label.text(language) ?? "")
        times = offer.times == 0 ? req.t("participation.by_arrangement") : Self.halfDays(HalfDays(mask: offer.times), req: req)
        postcode = offer.postcode
        support = offer.support.isEmpty ? req.t("socialmap.not_given") : codes(offer.support).map { req.t("participation.support.\($0)") }.joined(separator: ", ")
        placesFree = req.t("participation.places_free_of", String(offer.placesFree), String(offer.places))
    }

    /// "Maandag ochtend, Dinsdag ochtend".
    static func halfDays(_ days: HalfDays, req: Request) -> String {
        days.days.map { req.t("weekday.\($0.weekday.rawValue)") + " " + req.t("participation.part.\($0.part.rawValue)").lowercased() }.joined(separator: ", ")
    }

    /// The service's offer in words, when it is one.
    static func of(_ service: Service, req: Request) async throws -> OfferSummary? {
        try await OfferController.offer(of: service, tenantID: service.tenantID, on: req.db).map { OfferSummary($0, req: req) }
    }
}
