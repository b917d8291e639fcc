import Domain
import Vapor

/// A participation offer's terms as their form sends them.
struct OfferForm: Content {
    var kind: String?
    var talents: [String]?
    var rung: String?
    var times: [String]?
    var postcode: String?
    var support: [String]?
    var places: String?
    var places_free: String?
    var version: String?

    var submission: OfferSubmission {
        OfferSubmission(kind: kind, talents: talents ?? [], rung: rung, times: times ?? [], postcode: postcode, support: support ?? [],
                        places: places, placesFree: places_free)
    }

    init(_ offer: ParticipationOffer) {
        (kind, talents, rung) = (offer.kind, ParticipationProfile.codes(offer.talents), String(offer.rung))
        (times, postcode, support) = (HalfDays(mask: offer.times).days.map(\.code), offer.postcode, ParticipationProfile.codes(offer.support))
        (places, places_free, version) = (String(offer.places), String(offer.placesFree), String(offer.version))
    }

    init() { version = "0" }
}

/// The offer's form (on a service of the social map): what it is, the
/// talents it suits, its rung, when and where, support and places.
struct OfferPage: Encodable {
    let errors: FormErrors
    let action: String
    let serviceName: String
    let serviceHref: String
    let head: [FormPart]
    let talentsLegend: Legend
    let talentGroups: [ChoiceGroup]
    let timesLegend: Legend
    let days: [ChoiceGroup]
    let rest: [FormPart]
    let version: String

    static func build(service: Service, typed: OfferForm, errors: FormErrors, talents: TalentTaxonomy, in context: Context) -> OfferPage {
        var fields = FieldBuilder(context, errors: errors)
        let head: [FormPart] = [.field(fields.field("offer_kind", name: "kind", .select, label: "participation.offer_kind",
                                                    options: ParticipationChoices.kinds(chosen: Set([typed.kind ?? ""]), in: context), choose: true))]
        let talentsLegend = fields.legend("offer_talents", "participation.offer_talents")
        let talentGroups = ParticipationChoices.talents(talents, chosen: Set(typed.talents ?? []), name: "talents[]", idPrefix: "offer_talents", in: context)
        let ladder = context.instruments.instrument("participation-ladder")
        let rungs = OfferTerms.rungs.map { rung in
            Option(value: String(rung), label: "\(rung). " + (ladder?.scale.first { $0.value == rung }?.label.text(context.locale.rawValue) ?? ""),
                   selected: typed.rung == String(rung))
        }
        let timesLegend = fields.legend("offer_times", "participation.offer_times")
        let days = ParticipationChoices.week(chosen: Set(typed.times ?? []), name: "times[]", idPrefix: "offer_times", in: context)
        let rest: [FormPart] = [
            .field(fields.field("offer_rung", name: "rung", .select, label: "participation.offer_rung", hint: "participation.offer_rung_hint",
                                options: rungs, choose: true)),
            .field(fields.field("offer_postcode", name: "postcode", label: "participation.offer_postcode", hint: "participation.offer_postcode_hint",
                                value: typed.postcode, maxLength: 7, autocomplete: "postal-code")),
            .choices(fields.choices("offer_support", name: "support[]", legend: "participation.offer_support",
                                    options: ParticipationChoices.support(chosen: Set(typed.support ?? []), in: context))),
            .field(fields.field("offer_places", name: "places", .number, label: "participation.offer_places", value: typed.places, inputMode: "numeric",
                                min: OfferCheck.places.lowerBound, max: OfferCheck.places.upperBound)),
            .field(fields.field("offer_places_free", name: "places_free", .number, label: "participation.offer_places_free", value: typed.places_free,
                                inputMode: "numeric", min: OfferCheck.places.lowerBound, max: OfferCheck.places.upperBound)),
        ]
        let id = service.id ?? UUID()
        return OfferPage(errors: fields.namedErrors, action: SiteRoute.socialMapServiceOffer.path(id), serviceName: service.name,
                         serviceHref: SiteRoute.socialMapService.path(id), head: head, talentsLegend: talentsLegend, talentGroups: talentGroups,
                         timesLegend: timesLegend, days: days, rest: rest, version: typed.version ?? "0")
    }
}
