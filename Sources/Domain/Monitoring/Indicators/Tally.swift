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

    public static func += (lhs: inout Tally, rhs: Tally) { lhs = lhs + rhs }
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

    public static func < (lhs: CellKey, rhs: CellKey) -> Bool {
        (lhs.indicator, lhs.period.id, lhs.slice.text) < (rhs.indicator, rhs.period.id, rhs.slice.text)
    }
}

/// Up to two dimension values: a filter, a breakdown, or a filter and a
/// breakdown. Its text ("domain=finances;organization=…") is how it is stored.
public struct Slice: Hashable, Sendable, Comparable {
    public let values: [MonitorDimension: String]
    /// Kept with the values: slices are hashed millions of times in a rebuild.
    public let text: String

    public init(_ values: [MonitorDimension: String] = [:]) {
        self.values = values
        text = values.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ";")
    }

    public static let whole = Slice()

    public init?(text: String) {
        var values: [MonitorDimension: String] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let dimension = MonitorDimension(rawValue: String(pair[0])), values[dimension] == nil else { return nil }
            values[dimension] = String(pair[1])
        }
        self.init(values)
    }

    public static func == (lhs: Slice, rhs: Slice) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
    public static func < (lhs: Slice, rhs: Slice) -> Bool { lhs.text < rhs.text }
}
