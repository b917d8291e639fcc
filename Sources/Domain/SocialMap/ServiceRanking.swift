import Foundation

/// The order of search results on the social map, as one pure rule:
///
/// 1. how well the text matches: every word in the name beats some words in
///    the name, which beats matches in the description or organisation only;
/// 2. then whether the service can take someone: available, then waiting
///    list (shorter expected wait first), then no capacity;
/// 3. then services that accept referrals before those that do not;
/// 4. then by name, so equal results keep a stable order.
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

    /// Whether `a` comes before `b` for the query `words`.
    public static func precedes(_ a: Candidate, _ b: Candidate, words: [String]) -> Bool {
        let textA = textScore(a, words: words), textB = textScore(b, words: words)
        if textA != textB { return textA > textB }
        let capacityA = capacityRank(a.capacity), capacityB = capacityRank(b.capacity)
        if capacityA != capacityB { return capacityA < capacityB }
        if a.capacity == .waitingList, a.expectedWaitWeeks != b.expectedWaitWeeks {
            return (a.expectedWaitWeeks ?? Int.max) < (b.expectedWaitWeeks ?? Int.max)
        }
        if a.acceptsReferrals != b.acceptsReferrals { return a.acceptsReferrals }
        return a.name.localizedStandardCompare(b.name) == .orderedAscending
    }

    /// The candidates in ranked order.
    public static func rank(_ candidates: [Candidate], query: String) -> [Candidate] {
        let words = words(query)
        return candidates.sorted { precedes($0, $1, words: words) }
    }
}
