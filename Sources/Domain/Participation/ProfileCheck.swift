/// A participation profile as a form sends it (portal or professional).
public struct ProfileSubmission: Equatable, Sendable {
    public var talents: [String] = [], ownWords: String?, skills: String?, wishes: String?
    public var available: [String] = [], travelMode: String?, kilometres: String?
    public var needs: [String] = [], notWanted: [String] = [], avoid: String?

    public init(talents: [String] = [], ownWords: String? = nil, skills: String? = nil, wishes: String? = nil, available: [String] = [],
                travelMode: String? = nil, kilometres: String? = nil, needs: [String] = [], notWanted: [String] = [], avoid: String? = nil) {
        (self.talents, self.ownWords, self.skills, self.wishes, self.available) = (talents, ownWords, skills, wishes, available)
        (self.travelMode, self.kilometres, self.needs, self.notWanted, self.avoid) = (travelMode, kilometres, needs, notWanted, avoid)
    }
}

/// What the resident wrote in their own words: kept sealed, never matched on.
public struct ProfileTexts: Codable, Equatable, Sendable {
    public var ownWords: String, skills: String, wishes: String, avoid: String

    public init(ownWords: String = "", skills: String = "", wishes: String = "", avoid: String = "") {
        (self.ownWords, self.skills, self.wishes, self.avoid) = (ownWords, skills, wishes, avoid)
    }
}

/// Every problem of a refused profile form.
public struct InvalidProfile: Error, Equatable {
    public let issues: [ValidationIssue]
}

public struct CheckedProfile: Equatable, Sendable {
    public let wish: ParticipationWish
    public let texts: ProfileTexts
}

/// Checks a whole profile form at once: every problem named by its field,
/// nothing kept from a form with any.
public enum ProfileCheck {
    public static func check(_ form: ProfileSubmission, talents known: Set<String>) -> Result<CheckedProfile, InvalidProfile> {
        var validator = FormValidator()
        let talents = Set(form.talents.filter { !$0.isEmpty })
        if !talents.isSubset(of: known) { validator.add("talents", "participation.invalid_talent") }
        let ownWords = validator.text("own_words", form.ownWords, required: false, maxLength: 500, allowLineBreaks: true)
        if talents.isEmpty, ownWords == nil, validator.isValid { validator.add("talents", "participation.talent_or_words") }
        let skills = validator.text("skills", form.skills, required: false, maxLength: 500, allowLineBreaks: true)
        let wishes = validator.text("wishes", form.wishes, required: false, maxLength: 500, allowLineBreaks: true)
        let avoid = validator.text("avoid", form.avoid, required: false, maxLength: 300, allowLineBreaks: true)
        let available = HalfDays(codes: form.available)
        if available == nil { validator.add("available", "participation.invalid_availability") }
        let travel = form.travelMode.flatMap(TravelMode.init(rawValue:))
        if travel == nil { validator.add("travel_mode", "validation.choose_option") }
        let kilometres = form.kilometres.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if kilometres.map(ParticipationWish.kilometres.contains) != true { validator.add("max_km", "participation.kilometres_range") }
        let needs = form.needs.filter { !$0.isEmpty }.map(SupportKind.init(rawValue:))
        if needs.contains(nil) { validator.add("needs", "validation.choose_option") }
        let notWanted = form.notWanted.filter { !$0.isEmpty }.map(OfferKind.init(rawValue:))
        if notWanted.contains(nil) { validator.add("not_wanted", "validation.choose_option") }
        guard validator.isValid, let available, let travel, let kilometres else { return .failure(InvalidProfile(issues: validator.issues)) }
        let wish = ParticipationWish(talents: talents, availability: available, travel: travel, maxKilometres: kilometres,
                                     needs: Set(needs.compactMap { $0 }), notWanted: Set(notWanted.compactMap { $0 }))
        return .success(CheckedProfile(wish: wish, texts: ProfileTexts(ownWords: ownWords ?? "", skills: skills ?? "", wishes: wishes ?? "", avoid: avoid ?? "")))
    }
}
