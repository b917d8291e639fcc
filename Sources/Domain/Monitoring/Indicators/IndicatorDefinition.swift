/// One indicator (KPI) as data: what it measures, over which facts, counted
/// how, and by which dimensions it may be broken down. Read from
/// `Resources/Indicators/*.json` and checked by `IndicatorCatalog`.
public struct IndicatorDefinition: Codable, Sendable, Hashable, Identifiable {
    /// The Results-Based Accountability question the indicator answers.
    public enum Question: String, Codable, Sendable, CaseIterable {
        case howMuch = "how-much", howWell = "how-well", betterOff = "better-off"
    }

    public enum Unit: String, Codable, Sendable, CaseIterable {
        case count, percentage, days, workingDays = "working-days", points, households, organizations
    }

    public enum Direction: String, Codable, Sendable, CaseIterable { case higher, lower }

    /// How a period's facts become one figure.
    public enum Measure: String, Codable, Sendable, CaseIterable {
        /// The number of distinct subjects with a fact in the period.
        case count
        /// The share of those subjects for which `hit` holds, in percent.
        case share
        /// The median, 90th percentile or mean of the facts' values.
        case median, p90, mean
        /// The median or 90th percentile, over the values of `per` (one
        /// professional, say), of how many subjects each has: caseload.
        case medianPer = "median-per", p90Per = "p90-per"

        var needsValue: Bool { [.median, .p90, .mean].contains(self) }
        var needsPer: Bool { [.medianPer, .p90Per].contains(self) }
    }

    /// When a fact counts in a period: in the period it starts, or in every
    /// period its days overlap (up to today, for facts still running).
    public enum Counting: String, Codable, Sendable, CaseIterable { case start, span }

    /// A fact's tag must have one of these values.
    public struct Condition: Codable, Sendable, Hashable {
        public let tag: String
        public let values: [String]
        public init(tag: String, values: [String]) { (self.tag, self.values) = (tag, values) }

        func holds(for fact: Fact) -> Bool { fact.tags[tag].map(values.contains) ?? false }
    }

    public let id: String
    public let version: Int
    public let name: LocalizedText
    public let description: LocalizedText
    public let question: Question
    public let unit: Unit
    public let direction: Direction
    public let fact: FactKind
    public let measure: Measure
    public let counting: Counting
    /// Only facts meeting every filter count at all.
    public let filters: [Condition]
    /// For a share: the facts that count in the numerator.
    public let hit: Condition?
    /// For `median-per` and `p90-per`: the dimension whose values are counted.
    public let per: MonitorDimension?
    public let dimensions: [MonitorDimension]

    public init(id: String, version: Int = 1, name: LocalizedText, description: LocalizedText, question: Question,
                unit: Unit, direction: Direction, fact: FactKind, measure: Measure, counting: Counting = .start,
                filters: [Condition] = [], hit: Condition? = nil, per: MonitorDimension? = nil, dimensions: [MonitorDimension] = []) {
        (self.id, self.version, self.name, self.description, self.question) = (id, version, name, description, question)
        (self.unit, self.direction, self.fact, self.measure, self.counting) = (unit, direction, fact, measure, counting)
        (self.filters, self.hit, self.per, self.dimensions) = (filters, hit, per, dimensions)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), version: try c.decode(Int.self, forKey: .version),
                  name: try c.decode(LocalizedText.self, forKey: .name),
                  description: try c.decode(LocalizedText.self, forKey: .description),
                  question: try c.decode(Question.self, forKey: .question), unit: try c.decode(Unit.self, forKey: .unit),
                  direction: try c.decode(Direction.self, forKey: .direction), fact: try c.decode(FactKind.self, forKey: .fact),
                  measure: try c.decode(Measure.self, forKey: .measure),
                  counting: try c.decodeIfPresent(Counting.self, forKey: .counting) ?? .start,
                  filters: try c.decodeIfPresent([Condition].self, forKey: .filters) ?? [],
                  hit: try c.decodeIfPresent(Condition.self, forKey: .hit),
                  per: try c.decodeIfPresent(MonitorDimension.self, forKey: .per),
                  dimensions: try c.decodeIfPresent([MonitorDimension].self, forKey: .dimensions) ?? [])
    }

    /// Whether a fact counts for this indicator at all.
    public func admits(_ fact: Fact) -> Bool {
        fact.kind == self.fact && filters.allSatisfy { $0.holds(for: fact) }
    }

    /// Whether a fact counts in a share's numerator.
    public func isHit(_ fact: Fact) -> Bool { hit?.holds(for: fact) ?? false }

    /// The dimensions a filter may narrow on and a breakdown may split by.
    public var breakdowns: [MonitorDimension] { dimensions.filter { $0 != per } }
}
