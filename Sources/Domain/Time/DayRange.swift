/// Days from `first` through `last`, both included; no `last` runs on with no
/// end. The one convention for every validity in Samenspel: a consent valid
/// to 31 March still counts on 31 March, and so does an involvement whose
/// last day is 31 March.
public struct DayRange: Hashable, Sendable {
    public let first: CivilDay
    public let last: CivilDay?

    /// Nil when `last` comes before `first`.
    public init?(first: CivilDay, last: CivilDay?) {
        if let last, last < first { return nil }
        (self.first, self.last) = (first, last)
    }

    /// For rows that store the first day *after* the range (involvements'
    /// `ends_on`: ending one today means it no longer counts today).
    public init(first: CivilDay, endingBefore end: CivilDay?) {
        self.first = first
        self.last = end.map { max($0.adding(days: -1), first.adding(days: -1)) }
    }

    /// The first day no longer in the range, for such rows.
    public var dayAfterLast: CivilDay? { last?.adding(days: 1) }

    public func contains(_ day: CivilDay) -> Bool {
        first <= day && (last.map { day <= $0 } ?? true)
    }

    /// Whether the two share at least one day.
    public func overlaps(_ other: DayRange) -> Bool {
        (last.map { other.first <= $0 } ?? true) && (other.last.map { first <= $0 } ?? true)
    }

    public var isEmpty: Bool { last.map { $0 < first } ?? false }
}
