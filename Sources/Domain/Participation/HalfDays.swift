/// The part of a day someone can take part in, or an offer takes place.
public enum DayPart: String, CaseIterable, Codable, Sendable {
    case morning = "am", afternoon = "pm", evening = "ev"
}

/// One half-day of the week: Monday morning, Thursday evening.
public struct HalfDay: Hashable, Sendable, Comparable {
    public let weekday: Weekday
    public let part: DayPart

    public init(_ weekday: Weekday, _ part: DayPart) { (self.weekday, self.part) = (weekday, part) }

    /// Its bit in `HalfDays`: the week's 21 half-days in order.
    var index: Int { Weekday.allCases.firstIndex(of: weekday)! * DayPart.allCases.count + DayPart.allCases.firstIndex(of: part)! }

    /// "MO-am": what a form sends and a profile stores.
    public var code: String { weekday.rawValue + "-" + part.rawValue }

    public init?(code: some StringProtocol) {
        let pieces = code.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 2, let weekday = Weekday(rawValue: String(pieces[0])), let part = DayPart(rawValue: String(pieces[1])) else { return nil }
        self.init(weekday, part)
    }

    public static func < (a: HalfDay, b: HalfDay) -> Bool { a.index < b.index }
    public static let week: [HalfDay] = Weekday.allCases.flatMap { day in DayPart.allCases.map { HalfDay(day, $0) } }
}

/// A set of half-days, kept as 21 bits so the database can store and
/// compare it as one number.
public struct HalfDays: Hashable, Sendable {
    public private(set) var mask: Int

    public init() { mask = 0 }
    public init(mask: Int) { self.mask = mask & ((1 << HalfDay.week.count) - 1) }
    public init(_ days: some Sequence<HalfDay>) { self.init(mask: days.reduce(0) { $0 | (1 << $1.index) }) }

    /// From codes ("MO-am,WE-pm"); nil when any is not a half-day.
    public init?(codes: some Sequence<some StringProtocol>) {
        var days: [HalfDay] = []
        for code in codes where !code.isEmpty {
            guard let day = HalfDay(code: code) else { return nil }
            days.append(day)
        }
        self.init(days)
    }

    public var days: [HalfDay] { HalfDay.week.filter { contains($0) } }
    public var isEmpty: Bool { mask == 0 }
    public var codes: String { days.map(\.code).joined(separator: ",") }
    public func contains(_ day: HalfDay) -> Bool { mask & (1 << day.index) != 0 }
    public func intersection(_ other: HalfDays) -> HalfDays { HalfDays(mask: mask & other.mask) }
}
