import Foundation

/// How two signals' people compare, for combining signals into one case.
/// The same BSN, or the same address, is one household: combined. The same
/// name and birth date elsewhere, or the same name in the same postcode at
/// another street, may be the same people: a person confirms, nothing is
/// merged silently. Anything else is another case.
public enum SignalMatch: String, Equatable, Sendable {
    case same, uncertain, different

    /// What identifies a signal's people for matching, as tokens: the
    /// normalised address, family name with birth date, and family name with
    /// postcode — each passed through `hash` (a keyed hash in the database,
    /// so the tokens name nobody) — and the BSN's keyed hash when known.
    public struct Key: Equatable, Hashable, Sendable {
        public let bsnLookup: String?
        public let address: String
        public let nameAndBirth: String?
        public let nameAndPostcode: String

        public init(bsnLookup: String?, address: String, nameAndBirth: String?, nameAndPostcode: String) {
            (self.bsnLookup, self.address, self.nameAndBirth, self.nameAndPostcode) = (bsnLookup, address, nameAndBirth, nameAndPostcode)
        }

        public init(bsnLookup: String?, familyName: String, birthDate: String?, postcode: String, street: String,
                    hash: (String) -> String = { $0 }) {
            let family = Self.normalise(familyName), place = Self.normalise(postcode)
            self.init(bsnLookup: bsnLookup, address: hash(place + "|" + Self.normalise(street)),
                      nameAndBirth: birthDate.map { hash(family + "|" + $0) }, nameAndPostcode: hash(family + "|" + place))
        }

        /// Lower case, letters and digits only, without accents: "Lindelaan 12-A" and "lindelaan 12a" are one street.
        static func normalise(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
                .filter { $0.isLetter || $0.isNumber }
        }
    }

    public static func compare(_ a: Key, _ b: Key) -> SignalMatch {
        if a.address == b.address { return .same }
        if let x = a.bsnLookup, let y = b.bsnLookup { return x == y ? .same : .different }
        if let x = a.nameAndBirth, x == b.nameAndBirth { return .uncertain }
        if a.nameAndPostcode == b.nameAndPostcode { return .uncertain }
        return .different
    }
}

/// An open case as triage weighs it.
public struct CaseWeight: Equatable, Sendable {
    public let totalArrearsCents: Int
    public let partners: Int
    public let longestMonths: Int
    public let firstSignalled: CivilDay

    public init(totalArrearsCents: Int, partners: Int, longestMonths: Int, firstSignalled: CivilDay) {
        (self.totalArrearsCents, self.partners, self.longestMonths, self.firstSignalled) = (totalArrearsCents, partners, longestMonths, firstSignalled)
    }

    /// Triage's order: arrears with more partners first (several fixed costs
    /// unpaid is the surest sign of trouble), then the longest behind, then
    /// the most money, then whoever has waited longest.
    public static func precedes(_ a: CaseWeight, _ b: CaseWeight) -> Bool {
        if a.partners != b.partners { return a.partners > b.partners }
        if a.longestMonths != b.longestMonths { return a.longestMonths > b.longestMonths }
        if a.totalArrearsCents != b.totalArrearsCents { return a.totalArrearsCents > b.totalArrearsCents }
        return a.firstSignalled < b.firstSignalled
    }

    /// The weight as digits that sort, as text, in `precedes`' order: the
    /// descending parts stored as their distance to the largest value, the
    /// day as it is. One ascending index then serves the queue at any depth,
    /// and a page's link carries the key of its last case (keyset paging).
    /// Values past a part's width sort as its largest.
    public var queueKey: String {
        func descending(_ value: Int, digits: Int) -> String {
            let largest = (0..<digits).reduce(1) { result, _ in result * 10 } - 1
            return (largest - min(max(value, 0), largest)).zeroPadded(to: digits)
        }
        return descending(partners, digits: 3) + descending(longestMonths, digits: 4) + descending(totalArrearsCents, digits: 13)
            + firstSignalled.iso.filter(\.isNumber)
    }
}

/// Which open case a new signal joins: the one its people match for
/// certain, among cases whose latest signal is at most `windowDays` old;
/// those that match uncertainly are proposed to a person.
public enum CaseCombining {
    public struct OpenCase: Equatable, Sendable {
        public let id: UUID
        public let keys: [SignalMatch.Key]
        public let lastSignalled: CivilDay

        public init(id: UUID, keys: [SignalMatch.Key], lastSignalled: CivilDay) {
            (self.id, self.keys, self.lastSignalled) = (id, keys, lastSignalled)
        }
    }

    public static let defaultWindowDays = 30

    public static func place(_ key: SignalMatch.Key, on day: CivilDay, among cases: [OpenCase], windowDays: Int = defaultWindowDays)
        -> (join: UUID?, uncertain: [UUID]) {
        var join: UUID?, uncertain: [UUID] = []
        for open in cases where day.dayNumber - open.lastSignalled.dayNumber <= windowDays && open.lastSignalled.dayNumber - day.dayNumber <= windowDays {
            let matches = open.keys.map { SignalMatch.compare(key, $0) }
            if matches.contains(.same) { join = join ?? open.id } else if matches.contains(.uncertain) { uncertain.append(open.id) }
        }
        return (join, join == nil ? uncertain : [])
    }
}
