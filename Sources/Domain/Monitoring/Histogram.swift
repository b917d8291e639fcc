/// How many people have each whole value (days waited, points, desks
/// visited). The monitor keeps one per fact cell because a median cannot be
/// summed over cells, but histograms can: merging two histograms gives
/// exactly the histogram of the people of both.
///
/// Percentiles use one rule, nearest rank: the p-th percentile of n people is
/// the smallest value v whose cumulative count reaches ceil(p·n) (at least 1).
/// So it is always a value someone actually has, never an average of two,
/// and the median of an even count is the lower middle value.
public struct Histogram: Sendable, Hashable {
    /// Value → number of people with it; never holds a zero or negative count.
    public private(set) var counts: [Int: Int]

    public init() { counts = [:] }

    public init(_ values: some Sequence<Int>) {
        self.init()
        for value in values { add(value) }
    }

    /// The histogram with these counts; counts of zero are left out.
    /// Nil when a count is negative.
    public init?(counts: [Int: Int]) {
        guard counts.values.allSatisfy({ $0 >= 0 }) else { return nil }
        self.counts = counts.filter { $0.value > 0 }
    }

    public mutating func add(_ value: Int, count: Int = 1) {
        precondition(count >= 0, "a histogram counts people: count must not be negative")
        guard count > 0 else { return }
        counts[value, default: 0] += count
    }

    public mutating func merge(_ other: Histogram) {
        for (value, count) in other.counts { counts[value, default: 0] += count }
    }

    public static func + (lhs: Histogram, rhs: Histogram) -> Histogram {
        var sum = lhs
        sum.merge(rhs)
        return sum
    }

    /// (value, count) pairs from the lowest value up.
    public var buckets: [(value: Int, count: Int)] {
        counts.sorted { $0.key < $1.key }.map { (value: $0.key, count: $0.value) }
    }

    /// The number of people.
    public var count: Int { counts.values.reduce(0, +) }

    public var isEmpty: Bool { counts.isEmpty }

    public var minimum: Int? { counts.keys.min() }
    public var maximum: Int? { counts.keys.max() }

    /// The arithmetic mean, or nil for an empty histogram.
    public var mean: Double? {
        guard !isEmpty else { return nil }
        let total = counts.reduce(0.0) { $0 + Double($1.key) * Double($1.value) }
        return total / Double(count)
    }

    /// The lower median (nearest rank, p = 0.5), or nil for an empty histogram.
    public var median: Int? { percentile(0.5) }

    /// The nearest-rank percentile for p in 0...1 (0 gives the minimum, 1 the
    /// maximum); nil when empty or p is outside 0...1.
    public func percentile(_ p: Double) -> Int? {
        guard let rank = Self.rank(p, of: count) else { return nil }
        var seen = 0
        for (value, count) in buckets {
            seen += count
            if seen >= rank { return value }
        }
        return nil
    }

    /// ceil(p·n), at least 1. A product that lands within rounding error of a
    /// whole number counts as that number: 0.7 × 10 is 7.000000000000001 in
    /// floating point, and the 70th percentile of ten people is the 7th.
    static func rank(_ p: Double, of n: Int) -> Int? {
        guard n > 0, p >= 0, p <= 1 else { return nil }
        let exact = p * Double(n)
        let nearest = exact.rounded()
        let rank = abs(exact - nearest) <= 1e-9 * max(1, exact) ? nearest : exact.rounded(.up)
        return min(max(Int(rank), 1), n)
    }
}
