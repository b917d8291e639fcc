import Foundation

/// The order of search results on the social map, as one pure rule:
///
/// 1. how well the text matches: every word in the name beats some words in
///    the name, which beats matches in the description or organisation only;
/// 2. then whether the service can take someone: available, then waiting
///    list (shorter expected wait first), then no capacity;
/// 3. then services that accept referrals before those that do not;
/// 4. then by name (`nameKey`), so equal results keep a stable order.
public enum ServiceRanking {
    public struct Candidate: Sendable {
        public let name: String
        public let description: String
        public let organizationName: String
        public let capacity: ServiceCapacity
        public let expectedWaitWeeks: Int?
        public let acceptsReferrals: Bool

        public init(name: String, description: String, organizationName: String, capacity: ServiceCapacity, expectedWaitWeeks: Int?, acceptsReferrals: Bool) {
            self.name = name
            self.description = description
            self.organizationName = organizationName
            self.capacity = capacity
            self.expectedWaitWeeks = expectedWaitWeeks
            self.acceptsReferrals = acceptsReferrals
        }
    }

    /// Lower-cased words of a free-text query, without duplicates; at most 8.
    public static func words(_ text: String) -> [String] {
        var seen: [String] = []
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where !seen.contains(String(word)) {
            seen.append(String(word))
        }
        return Array(seen.prefix(8))
    }

    /// 3: all words in the name, 2: some in the name, 1: only elsewhere, 0: no words asked.
    public static func textScore(_ candidate: Candidate, words: [String]) -> Int {
        guard !words.isEmpty else { return 0 }
        let name = candidate.name.lowercased()
        let inName = words.filter { name.contains($0) }.count
        if inName == words.count { return 3 }
        return inName > 0 ? 2 : 1
    }

    /// 0 available, 1 waiting list, 2 no capacity.
    public static func capacityRank(_ capacity: ServiceCapacity) -> Int {
        switch capacity {
        case .available: 0
        case .waitingList: 1
        case .noCapacity: 2
        }
    }

    /// What a candidate is ranked by, computed once per candidate: sorting a
    /// large map compares each candidate many times, and lower-casing and
    /// locale-aware comparison in every comparison cost more than the rest of
    /// the search page.
    struct SortKey: Comparable, Sendable {
        let text: Int
        let standing: [UInt8]

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.text != b.text { return a.text > b.text }
            return a.standing.lexicographicallyPrecedes(b.standing)
        }
    }

    static func key(_ candidate: Candidate, words: [String]) -> SortKey {
        SortKey(text: textScore(candidate, words: words), standing: standingKey(candidate))
    }

    /// Rules 2 to 4 as bytes that sort in rank order: capacity, expected
    /// wait, referrals, then the name key and the exact name. Stored with
    /// each service, so the database ranks and pages the map; byte order is
    /// the same in SQLite (BLOB) and PostgreSQL (BYTEA) whatever the locale.
    public static func standingKey(_ candidate: Candidate) -> [UInt8] {
        let wait = candidate.capacity == .waitingList ? UInt32(clamping: candidate.expectedWaitWeeks ?? Int(UInt32.max)) : 0
        var key: [UInt8] = [UInt8(capacityRank(candidate.capacity))]
        key += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: wait >> $0) }
        key.append(candidate.acceptsReferrals ? 0 : 1)
        return key + nameKey(candidate.name) + [0] + Array(candidate.name.utf8)
    }

    /// Names in the order people expect, the same on every server whatever its
    /// locale: case and accents ignored ("Één" with "een"), numbers by value
    /// ("Huis 2" before "Huis 10"). As UTF-8 bytes, which compare fast; only
    /// names with accents pay for Foundation's folding.
    public static func nameKey(_ name: String) -> [UInt8] {
        let folded = name.utf8.allSatisfy { $0 < 0x80 } ? name : name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var key: [UInt8] = [], digits: [UInt8] = []
        key.reserveCapacity(folded.utf8.count + 20)
        func flushDigits() {
            guard !digits.isEmpty else { return }
            key += [UInt8](repeating: UInt8(ascii: "0"), count: max(0, 20 - digits.count)) + digits
            digits.removeAll(keepingCapacity: true)
        }
        for byte in folded.utf8 {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { digits.append(byte); continue }
            flushDigits()
            key.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
        }
        flushDigits()
        return key
    }

    /// The candidates in ranked order.
    public static func rank(_ candidates: [Candidate], query: String) -> [Candidate] {
        ranked(candidates, words: words(query)) { $0 }
    }

    /// `items` best first, each ranked by its candidate; each key computed once.
    public static func ranked<Item>(_ items: [Item], words: [String], candidate: (Item) -> Candidate) -> [Item] {
        let keys = items.map { key(candidate($0), words: words) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }
}
