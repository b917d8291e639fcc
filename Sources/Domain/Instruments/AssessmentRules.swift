import Foundation

/// The scores of one assessment, checked against its instrument: only
/// items of the instrument, only values on its scale, at least one item.
public enum AssessmentRules {
    public struct Checked: Equatable, Sendable {
        /// Item id → score, for the items that were scored.
        public let scores: [String: Int]
        public let reason: String?
    }

    /// Form or API input: item id → the value typed (empty: not scored).
    /// The reason says why these domains are scored (data minimisation);
    /// professionals must give one.
    public static func check(
        _ instrument: Instrument, scores raw: [String: String], reason rawReason: String?, reasonRequired: Bool
    ) -> (Checked?, [ValidationIssue]) {
        var validator = FormValidator()
        var scores: [String: Int] = [:]
        for (itemID, rawValue) in raw.sorted(by: { $0.key < $1.key }) {
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            guard let item = instrument.item(itemID) else {
                validator.add("scores", "assessment.unknown_item")
                continue
            }
            if value.isEmpty { continue }
            guard let score = Int(value), instrument.range.contains(score) else {
                validator.add(field(item.id), "assessment.out_of_scale")
                continue
            }
            scores[item.id] = score
        }
        if scores.isEmpty, validator.isValid { validator.add("scores", "assessment.no_items") }
        let reason = validator.text("reason", rawReason, required: reasonRequired, maxLength: 500, allowLineBreaks: true)
        guard validator.isValid else { return (nil, validator.issues) }
        return (Checked(scores: scores, reason: reason), [])
    }

    /// The form field (and error anchor) of one item.
    public static func field(_ itemID: String) -> String { "score-\(itemID)" }
}

/// One scored occasion of an instrument for one person.
public struct ScoredOccasion: Equatable, Sendable {
    public let day: String
    public let scores: [String: Int]

    public init(day: String, scores: [String: Int]) {
        self.day = day
        self.scores = scores
    }
}

/// How far someone came on one item since it was first scored.
public struct Distance: Equatable, Sendable {
    public let itemID: String
    public let firstDay: String
    public let first: Int
    public let latestDay: String
    public let latest: Int

    public init(itemID: String, firstDay: String, first: Int, latestDay: String, latest: Int) {
        self.itemID = itemID
        self.firstDay = firstDay
        self.first = first
        self.latestDay = latestDay
        self.latest = latest
    }

    public var change: Int { latest - first }
}

public enum OutcomeProgress {
    /// Per item: its first and latest score over `occasions` (in any order;
    /// the same day keeps the given order). Items scored once have change 0.
    public static func distance(_ occasions: [ScoredOccasion]) -> [String: Distance] {
        let ordered = occasions.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
        var first: [String: (String, Int)] = [:]
        var latest: [String: (String, Int)] = [:]
        for occasion in ordered {
            for (item, score) in occasion.scores {
                if first[item] == nil { first[item] = (occasion.day, score) }
                latest[item] = (occasion.day, score)
            }
        }
        return first.reduce(into: [:]) { result, entry in
            let (item, (firstDay, firstScore)) = entry
            let (latestDay, latestScore) = latest[item]!
            result[item] = Distance(itemID: item, firstDay: firstDay, first: firstScore, latestDay: latestDay, latest: latestScore)
        }
    }

    /// Items both scored, differently: the professional's and the resident's view, side by side.
    public static func disagreements(professional: [String: Int], own: [String: Int]) -> Set<String> {
        Set(professional.compactMap { item, score in own[item].flatMap { $0 == score ? nil : item } })
    }

    /// The latest and the one before, by day (same day: later in the list wins).
    public static func latestTwo(_ occasions: [ScoredOccasion]) -> (latest: ScoredOccasion?, previous: ScoredOccasion?) {
        let ordered = occasions.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
        return (ordered.last, ordered.dropLast().last)
    }
}
