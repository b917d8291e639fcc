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
        talents = req.talentsText(codes(offer.talents), in: req.talents)
        rung = "\(offer.rung). " + (req.instruments.instrument("participation-ladder")?.scale.first { $0.value == offer.rung }?.label.text(language) ?? "")
        times = req.halfDaysText(HalfDays(mask: offer.times))
        postcode = offer.postcode
        support = offer.support.isEmpty ? req.t("socialmap.not_given") : req.supportText(codes(offer.support))
        placesFree = req.t("participation.places_free_of", String(offer.placesFree), String(offer.places))
    }

    /// The service's offer in words, when it is one.
    static func of(_ service: Service, req: Request) async throws -> OfferSummary? {
        try await OfferController.offer(of: service, tenantID: service.tenantID, on: req.db).map { OfferSummary($0, req: req) }
    }
}
