/// A participation offer's terms as their form sends them.
public struct OfferSubmission: Equatable, Sendable {
    public var kind: String?, talents: [String] = [], rung: String?, times: [String] = [], postcode: String?
    public var support: [String] = [], places: String?, placesFree: String?

    public init(kind: String? = nil, talents: [String] = [], rung: String? = nil, times: [String] = [], postcode: String? = nil,
                support: [String] = [], places: String? = nil, placesFree: String? = nil) {
        (self.kind, self.talents, self.rung, self.times, self.postcode) = (kind, talents, rung, times, postcode)
        (self.support, self.places, self.placesFree) = (support, places, placesFree)
    }
}

public struct CheckedOffer: Equatable, Sendable {
    public let terms: OfferTerms
    /// Where it takes place: the postcode as written ("1234AB"), and its four-digit area for distances.
    public let postcode: String, postcode4: String
    public let places: Int
}

public struct InvalidOffer: Error, Equatable {
    public let issues: [ValidationIssue]
}

/// Checks an offer's terms at once, every problem named by its field.
public enum OfferCheck {
    public static let places = 0...10_000

    public static func check(_ form: OfferSubmission, talents known: Set<String>) -> Result<CheckedOffer, InvalidOffer> {
        var validator = FormValidator()
        let kind = form.kind.flatMap(OfferKind.init(rawValue:))
        if kind == nil { validator.add("offer_kind", "validation.choose_option") }
        let talents = Set(form.talents.filter { !$0.isEmpty })
        if talents.isEmpty { validator.add("offer_talents", "participation.offer_needs_talent") } else if !talents.isSubset(of: known) {
            validator.add("offer_talents", "participation.invalid_talent")
        }
        let rung = form.rung.flatMap { Int($0) }.flatMap { OfferTerms.rungs.contains($0) ? $0 : nil }
        if rung == nil { validator.add("offer_rung", "validation.choose_option") }
        let times = HalfDays(codes: form.times)
        if times == nil { validator.add("offer_times", "participation.invalid_availability") }
        let written = (form.postcode ?? "").uppercased().filter { !$0.isWhitespace }
        var postcode4: String?
        if written.isEmpty { validator.add("offer_postcode", "participation.offer_needs_place") } else if case .postcode4(let area)? = AreaCode(written) {
            postcode4 = area
        } else {
            validator.add("offer_postcode", "participation.invalid_postcode")
        }
        let support = form.support.filter { !$0.isEmpty }.map(SupportKind.init(rawValue:))
        if support.contains(nil) { validator.add("offer_support", "validation.choose_option") }
        let number = { (text: String?) in text.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { Self.places.contains($0) ? $0 : nil } }
        let places = number(form.places), free = number(form.placesFree)
        if places == nil { validator.add("offer_places", "participation.invalid_places") }
        if free == nil { validator.add("offer_places_free", "participation.invalid_places") } else if let places, let free, free > places {
            validator.add("offer_places_free", "participation.more_free_than_places")
        }
        guard validator.isValid, let kind, let rung, let times, let postcode4, let places, let free else { return .failure(InvalidOffer(issues: validator.issues)) }
        return .success(CheckedOffer(terms: OfferTerms(kind: kind, talents: talents, rung: rung, times: times, support: Set(support.compactMap { $0 }),
                                                       placesFree: free),
                                     postcode: written, postcode4: postcode4, places: places))
    }
}
