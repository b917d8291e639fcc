/// A calendar month, quarter or year: what the monitor counts in. Its days
/// are a `DayRange`; which period an instant falls in depends on the tenant's
/// time zone (`CivilDay.of(_:in:)`), not on UTC.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable, Codable { case month, quarter, year }

    public let kind: Kind
    public let year: Int
    /// Month 1–12, quarter 1–4, or 1 for a year.
    public let index: Int

    public init?(_ kind: Kind, year: Int, index: Int = 1) {
        guard (1...9999).contains(year), (1...Self.count(of: kind)).contains(index) else { return nil }
        (self.kind, self.year, self.index) = (kind, year, index)
    }

    public static func containing(_ day: CivilDay, _ kind: Kind) -> Period {
        switch kind {
        case .month: Period(uncheckedKind: .month, year: day.year, index: day.month)
        case .quarter: Period(uncheckedKind: .quarter, year: day.year, index: (day.month - 1) / 3 + 1)
        case .year: Period(uncheckedKind: .year, year: day.year, index: 1)
        }
    }

    private init(uncheckedKind kind: Kind, year: Int, index: Int) {
        (self.kind, self.year, self.index) = (kind, year, index)
    }

    private static func count(of kind: Kind) -> Int {
        switch kind { case .month: 12; case .quarter: 4; case .year: 1 }
    }

    private var monthsLong: Int { 12 / Self.count(of: kind) }

    public var firstDay: CivilDay { CivilDay(unchecked: year, (index - 1) * monthsLong + 1, 1) }
    public var lastDay: CivilDay { next.firstDay.adding(days: -1) }
    public var days: DayRange { DayRange(first: firstDay, last: lastDay)! }

    public var next: Period { advanced(by: 1) }
    public var previous: Period { advanced(by: -1) }

    public func advanced(by steps: Int) -> Period {
        let position = year * Self.count(of: kind) + (index - 1) + steps
        return Period(uncheckedKind: kind, year: position / Self.count(of: kind), index: position % Self.count(of: kind) + 1)
    }

    /// The periods of `kind` inside this one (a quarter's three months); empty when `kind` is longer.
    public func parts(_ kind: Kind) -> [Period] {
        let first = Period.containing(firstDay, kind)
        return sequence(first: first) { $0.next }.prefix { $0.lastDay <= lastDay }.map { $0 }
    }

    /// "2026-03", "2026-Q1", "2026": readable, and sorted like the periods within one kind.
    public var id: String {
        switch kind {
        case .month: year.zeroPadded(to: 4) + "-" + index.zeroPadded(to: 2)
        case .quarter: year.zeroPadded(to: 4) + "-Q" + String(index)
        case .year: year.zeroPadded(to: 4)
        }
    }

    public var description: String { id }

    public init?(id: String) {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        switch parts.count {
        case 1: self.init(.year, year: year)
        case 2 where parts[1].hasPrefix("Q") && parts[1].count == 2:
            guard let quarter = Int(parts[1].dropFirst()) else { return nil }
            self.init(.quarter, year: year, index: quarter)
        case 2 where parts[1].count == 2:
            guard let month = Int(parts[1]) else { return nil }
            self.init(.month, year: year, index: month)
        default: return nil
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }
}
