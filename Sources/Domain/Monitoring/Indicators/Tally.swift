/// What one cell of the monitor holds: how many subjects, how many of them
/// hit (for shares), and how many have each value (for medians and means).
/// Tallies add up over subjects, and subtract, so a refresh can apply the
/// difference one household makes without reading anyone else's.
public struct Tally: Hashable, Sendable {
    public var subjects: Int
    public var hits: Int
    /// Value → subjects with it; may hold negative counts inside a difference.
    public var values: [Int: Int]

    public init(subjects: Int = 0, hits: Int = 0, values: [Int: Int] = [:]) {
        (self.subjects, self.hits, self.values) = (subjects, hits, values.filter { $0.value != 0 })
    }

    public static let zero = Tally()

    public var isZero: Bool { subjects == 0 && hits == 0 && values.isEmpty }

    /// The values as a histogram; nil inside a difference that went negative.
    public var histogram: Histogram? { Histogram(counts: values) }

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        Tally(subjects: lhs.subjects + rhs.subjects, hits: lhs.hits + rhs.hits,
              values: lhs.values.merging(rhs.values, uniquingKeysWith: +))
    }

    public static prefix func - (tally: Tally) -> Tally {
        Tally(subjects: -tally.subjects, hits: -tally.hits, values: tally.values.mapValues { -$0 })
    }

    public static func - (lhs: Tally, rhs: Tally) -> Tally { lhs + -rhs }

    /// One more subject, hitting or not, with its value if it has one.
    public mutating func count(hit: Bool, value: Int?) {
        subjects += 1
        if hit { hits += 1 }
        if let value { values[value, default: 0] += 1 }
    }

    /// In place: a rebuild adds millions of tallies, and a new one each time costs allocations.
    public static func += (lhs: inout Tally, rhs: Tally) { lhs.add(rhs, times: 1) }

    public static func -= (lhs: inout Tally, rhs: Tally) { lhs.add(rhs, times: -1) }

    private mutating func add(_ other: Tally, times sign: Int) {
        subjects += sign * other.subjects
        hits += sign * other.hits
        for (value, count) in other.values {
            let sum = values[value, default: 0] + sign * count
            values[value] = sum == 0 ? nil : sum
        }
    }
}

/// Where a tally is kept: an indicator, a period, and a slice — the
/// dimension values it is narrowed to, "" for the whole tenant.
public struct CellKey: Hashable, Sendable, Comparable {
    public let indicator: String
    public let period: Period
    public let slice: Slice

    public init(indicator: String, period: Period, slice: Slice) {
        (self.indicator, self.period, self.slice) = (indicator, period, slice)
    }

    /// A fixed order to write cells in; cheap, as a large write sorts millions.
    public static func < (lhs: CellKey, rhs: CellKey) -> Bool {
        if lhs.indicator != rhs.indicator { return lhs.indicator < rhs.indicator }
        if lhs.period != rhs.period {
            return (lhs.period.kind.rawValue, lhs.period.year, lhs.period.index) < (rhs.period.kind.rawValue, rhs.period.year, rhs.period.index)
        }
        return lhs.slice.text < rhs.slice.text
    }
}

/// Up to two dimension values: a filter, a breakdown, or a filter and a
/// breakdown. Its text ("domain=finances;organization=…") is how it is stored.
public struct Slice: Hashable, Sendable, Comparable {
    /// The text alone is kept: slices are copied, hashed and compared millions
    /// of times in a rebuild, and one string costs less than a string and a dictionary.
    public let text: String

    public init(_ values: [MonitorDimension: String] = [:]) {
        text = values.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ";")
    }

    public static let whole = Slice()

    public init?(text: String) {
        guard let values = Self.parse(text) else { return nil }
        self.init(values)
    }

    /// The dimension values, read back from the text.
    public var values: [MonitorDimension: String] { Self.parse(text) ?? [:] }

    private static func parse(_ text: String) -> [MonitorDimension: String]? {
        var values: [MonitorDimension: String] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let dimension = MonitorDimension(rawValue: String(pair[0])), values[dimension] == nil else { return nil }
            values[dimension] = String(pair[1])
        }
        return values
    }

    public static func == (lhs: Slice, rhs: Slice) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
    public static func < (lhs: Slice, rhs: Slice) -> Bool { lhs.text < rhs.text }
}
