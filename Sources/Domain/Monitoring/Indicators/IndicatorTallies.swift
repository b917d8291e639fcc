/// Turns facts into the tallies of every cell they count in. A subject
/// counts once per indicator, period and slice however many of its facts
/// fall there — so a quarter counts distinct people, never the sum of its
/// months, and each period kind is tallied on its own.
public struct IndicatorTallies: Sendable {
    public let catalog: IndicatorCatalog
    /// Running facts count up to the period holding this day.
    public let today: CivilDay

    public init(catalog: IndicatorCatalog, today: CivilDay) { (self.catalog, self.today) = (catalog, today) }

    /// One subject in one period and slice: whether any of its facts there hit, its value.
    /// Kept per slice, so a hit of one fact never shows in the slice of another
    /// (a household's unsigned plan at one organisation, its signed one at the next).
    private struct Mark {
        var hit = false
        var value: Int?

        mutating func merge(hit: Bool, value: Int?) {
            self.hit = self.hit || hit
            if self.value == nil { self.value = value }
        }
    }

    public func tallies(_ facts: [Fact]) -> [CellKey: Tally] {
        var marks: [String: [Period: [String: [Slice: Mark]]]] = [:]
        for indicator in catalog.all {
            for fact in facts where indicator.admits(fact) {
                let slices = Self.slices(of: fact, for: indicator)
                let hit = indicator.isHit(fact)
                for period in periods(of: fact, counting: indicator.counting) {
                    for slice in slices {
                        marks[indicator.id, default: [:]][period, default: [:]][fact.subject, default: [:]][slice, default: Mark()]
                            .merge(hit: hit, value: fact.value)
                    }
                }
            }
        }
        var tallies: [CellKey: Tally] = [:]
        for (indicator, periods) in marks {
            for (period, subjects) in periods {
                for slices in subjects.values {
                    for (slice, mark) in slices {
                        let tally = Tally(subjects: 1, hits: mark.hit ? 1 : 0, values: mark.value.map { [$0: 1] } ?? [:])
                        tallies[CellKey(indicator: indicator, period: period, slice: slice), default: .zero] += tally
                    }
                }
            }
        }
        return tallies
    }

    /// The periods of each kind a fact counts in: the one it starts in, or
    /// every one its days overlap up to today's.
    func periods(of fact: Fact, counting: IndicatorDefinition.Counting) -> [Period] {
        guard fact.first <= today else { return [] }
        return Period.Kind.allCases.flatMap { kind -> [Period] in
            let first = Period.containing(fact.first, kind)
            guard counting == .span else { return [first] }
            let last = Period.containing(min(fact.last ?? today, today), kind)
            return Array(sequence(first: first) { $0.next }.prefix { $0 <= last })
        }
    }

    /// The whole, each breakdown value, and each filter value with each
    /// value of another dimension: what the monitor can ask for.
    static func slices(of fact: Fact, for indicator: IndicatorDefinition) -> Set<Slice> {
        let dimensions = indicator.dimensions + (indicator.per.map { [$0] } ?? [])
        let values = Set(dimensions).sorted().map { dimension in (dimension, fact.dimensions[dimension] ?? []) }
        var slices: Set<Slice> = [.whole]
        for (dimension, dimensionValues) in values {
            for value in dimensionValues { slices.insert(Slice([dimension: value])) }
        }
        for (filter, filterValues) in values where MonitorDimension.combinable.contains(filter) {
            for (other, otherValues) in values where filter.combines(with: other) {
                for filterValue in filterValues {
                    for otherValue in otherValues { slices.insert(Slice([filter: filterValue, other: otherValue])) }
                }
            }
        }
        return slices
    }
}

extension Dictionary where Key == CellKey, Value == Tally {
    /// What changes in the cells when one set of tallies is replaced by another.
    public func difference(to new: [CellKey: Tally]) -> [CellKey: Tally] {
        var delta = new
        for (key, old) in self { delta[key] = (delta[key] ?? .zero) - old }
        return delta.filter { !$0.value.isZero }
    }
}
