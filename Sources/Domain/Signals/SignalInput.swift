import Foundation

/// What is wrong with one signal, row or field by field: the API answers
/// these as `invalidParams`, an upload lists them with the row.
public enum SignalProblem: String, Equatable, Sendable, Codable {
    case missingReference = "missing_reference", missingKind = "missing_kind", unknownKind = "unknown_kind", kindNotAllowed = "kind_not_allowed"
    case invalidAmount = "invalid_amount", invalidMonths = "invalid_months", invalidDate = "invalid_date", dateInFuture = "date_in_future"
    case missingName = "missing_name", invalidBirthDate = "invalid_birth_date", missingAddress = "missing_address", invalidPostcode = "invalid_postcode"
    case invalidBSN = "invalid_bsn", missingBSN = "missing_bsn"
    case invalidReminder = "invalid_reminder", repeatsRow = "repeats_row"
    case belowMinimumMonths = "below_minimum_months", belowMinimumAmount = "below_minimum_amount", noReminder = "no_reminder"
}

/// One signal as a partner sent it, before it is checked.
public struct SignalSubmission: Equatable, Sendable {
    public var reference: String?
    public var kind: String?
    public var amount: String?
    public var months: String?
    public var signalledOn: String?
    public var reminderSent: Bool?
    public var givenName: String?
    public var familyName: String?
    public var birthDate: String?
    public var street: String?
    public var postcode: String?
    public var city: String?
    public var phone: String?
    public var email: String?
    public var bsn: String?

    public init(reference: String? = nil, kind: String? = nil, amount: String? = nil, months: String? = nil, signalledOn: String? = nil,
                reminderSent: Bool? = nil, givenName: String? = nil, familyName: String? = nil, birthDate: String? = nil, street: String? = nil,
                postcode: String? = nil, city: String? = nil, phone: String? = nil, email: String? = nil, bsn: String? = nil) {
        (self.reference, self.kind, self.amount, self.months, self.signalledOn, self.reminderSent) = (reference, kind, amount, months, signalledOn, reminderSent)
        (self.givenName, self.familyName, self.birthDate, self.street, self.postcode, self.city) = (givenName, familyName, birthDate, street, postcode, city)
        (self.phone, self.email, self.bsn) = (phone, email, bsn)
    }
}

/// A checked signal: every field readable, within the partner's conditions.
public struct SignalFacts: Equatable, Sendable {
    public let reference: String
    public let kind: ArrearsKind
    public let amountCents: Int
    public let months: Int
    public let signalledOn: CivilDay
    public let person: SignalPerson
    public let bsn: String?
}

/// Who a signal is about, as the partner knows them.
public struct SignalPerson: Equatable, Sendable {
    public let givenName: String
    public let familyName: String
    public let birthDate: CivilDay?
    public let street: String
    /// "1234AB": four digits and two capitals, no space.
    public let postcode: String
    public let city: String
    public let phone: String?
    public let email: String?

    public init(givenName: String, familyName: String, birthDate: CivilDay?, street: String, postcode: String, city: String, phone: String?, email: String?) {
        (self.givenName, self.familyName, self.birthDate, self.street, self.postcode, self.city) = (givenName, familyName, birthDate, street, postcode, city)
        (self.phone, self.email) = (phone, email)
    }
}

public enum SignalCheck {
    /// The problems of `submission`, by field, or its facts. `allowed` are
    /// the kinds this partner may report, each with its conditions.
    public static func check(_ submission: SignalSubmission, allowed: [ArrearsKind: SignalConditions], today: CivilDay)
        -> (facts: SignalFacts?, problems: [(field: String, problem: SignalProblem)]) {
        var problems: [(String, SignalProblem)] = []
        let reference = clean(submission.reference, max: 100)
        if reference == nil { problems.append(("reference", .missingReference)) }
        var kind: ArrearsKind?
        if let raw = clean(submission.kind, max: 40) {
            kind = ArrearsKind(rawValue: raw.lowercased())
            if kind == nil { problems.append(("kind", .unknownKind)) } else if allowed[kind!] == nil { problems.append(("kind", .kindNotAllowed)) }
        } else { problems.append(("kind", .missingKind)) }
        let amount = submission.amount.flatMap(cents)
        if amount == nil { problems.append(("amount", .invalidAmount)) }
        let months = submission.months.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { (0...240).contains($0) ? $0 : nil }
        if months == nil { problems.append(("months", .invalidMonths)) }
        let day = submission.signalledOn.flatMap { DayReading($0).day }
        if day == nil { problems.append(("signalledOn", .invalidDate)) } else if day! > today { problems.append(("signalledOn", .dateInFuture)) }
        let given = clean(submission.givenName, max: 100), family = clean(submission.familyName, max: 100)
        if given == nil || family == nil { problems.append(("familyName", .missingName)) }
        var birth: CivilDay?
        if let raw = clean(submission.birthDate, max: 20) {
            birth = DayReading(raw).day
            if birth == nil || birth! > today { problems.append(("birthDate", .invalidBirthDate)) }
        }
        let street = clean(submission.street, max: 200), city = clean(submission.city, max: 100)
        if street == nil || city == nil { problems.append(("street", .missingAddress)) }
        let postcode = submission.postcode.flatMap(Postcode.normalised)
        if postcode == nil { problems.append(("postcode", .invalidPostcode)) }
        var bsn: String?
        if let raw = clean(submission.bsn, max: 20) {
            bsn = BSN(raw)?.value
            if bsn == nil { problems.append(("bsn", .invalidBSN)) }
        }
        if let kind, let conditions = allowed[kind], let amount, let months,
           let refusal = conditions.refusal(months: months, amountCents: amount, reminderSent: submission.reminderSent ?? false) {
            problems.append(("kind", refusal))
        }
        guard problems.isEmpty, let reference, let kind, let amount, let months, let day, let given, let family, let street, let city, let postcode else {
            return (nil, problems)
        }
        let person = SignalPerson(givenName: given, familyName: family, birthDate: birth, street: street, postcode: postcode, city: city,
                                  phone: clean(submission.phone, max: 40), email: clean(submission.email, max: 200))
        return (SignalFacts(reference: reference, kind: kind, amountCents: amount, months: months, signalledOn: day, person: person, bsn: bsn), [])
    }

    /// "1.234,56", "1234.56", "€ 80" as cents; never negative.
    public static func cents(_ raw: String) -> Int? {
        var text = raw.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty else { return nil }
        if text.contains(",") { text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0, value < 10_000_000 else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        return NSDecimalNumber(decimal: value * 100).rounding(accordingToBehavior: nil).intValue
    }

    static func clean(_ raw: String?, max: Int) -> String? {
        guard let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, text.count <= max,
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return text
    }
}

/// Dutch postcodes, written the ways people write them.
public enum Postcode {
    /// "1234 ab" → "1234AB"; nil when it is not four digits (not starting with 0) and two letters.
    public static func normalised(_ raw: String) -> String? {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        guard compact.count == 6 else { return nil }
        let digits = compact.prefix(4), letters = compact.suffix(2)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0",
              letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return compact
    }
}
