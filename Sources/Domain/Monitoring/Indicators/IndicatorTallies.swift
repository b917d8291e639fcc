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

    private struct Place: Hashable {
        let period: Period
        let slice: Slice
    }

    public func tallies(_ facts: [Fact]) -> [CellKey: Tally] {
        var tallies: [CellKey: Tally] = [:]
        for indicator in catalog.all {
            let admitted = facts.filter(indicator.admits)
            guard !admitted.isEmpty else { continue }
            for subjectFacts in Dictionary(grouping: admitted, by: \.subject).values {
                // One fact: each of its places is distinct, so it counts straight into its cells.
                if subjectFacts.count == 1, let fact = subjectFacts.first {
                    let hit = indicator.isHit(fact)
                    let slices = Self.slices(of: fact, for: indicator)
                    for period in periods(of: fact, counting: indicator.counting) {
                        for slice in slices {
                            tallies[CellKey(indicator: indicator.id, period: period, slice: slice), default: .zero].count(hit: hit, value: fact.value)
                        }
                    }
                    continue
                }
                var marks: [Place: Mark] = [:]
                for fact in subjectFacts {
                    let hit = indicator.isHit(fact)
                    let slices = Self.slices(of: fact, for: indicator)
                    for period in periods(of: fact, counting: indicator.counting) {
                        for slice in slices { marks[Place(period: period, slice: slice), default: Mark()].merge(hit: hit, value: fact.value) }
                    }
                }
                for (place, mark) in marks {
                    tallies[CellKey(indicator: indicator.id, period: place.period, slice: place.slice), default: .zero].count(hit: mark.hit, value: mark.value)
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
