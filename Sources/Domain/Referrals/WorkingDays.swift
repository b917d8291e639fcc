import Foundation

/// Response deadlines count working days: not weekends, not Dutch public
/// holidays. Days are yyyy-MM-dd strings, as everywhere in Samenspel.
public enum WorkingDays {
    /// The day `count` working days after `start` (a referral sent on Friday
    /// with 1 working day is due on Monday).
    public static func add(_ count: Int, to start: String) -> String? {
        guard var date = CivilDate(start) else { return nil }
        var remaining = max(count, 0)
        while remaining > 0 {
            date = date.adding(days: 1)
            if isWorkingDay(date) { remaining -= 1 }
        }
        return date.string
    }

    /// Whether a response due on `due` is late on `today`.
    public static func isOverdue(due: String, today: String) -> Bool { today > due }

    public static func isWorkingDay(_ date: CivilDate) -> Bool {
        !date.isWeekend && !DutchHolidays.contains(date)
    }
}

/// The Dutch public holidays (algemeen erkende feestdagen) on which offices close.
public enum DutchHolidays {
    public static func contains(_ date: CivilDate) -> Bool { days(in: date.year).contains(date) }

    public static func days(in year: Int) -> Set<CivilDate> {
        let easter = easterSunday(year)
        var days: Set<CivilDate> = [
            CivilDate(year: year, month: 1, day: 1),
            easter.adding(days: 1),   // Tweede Paasdag
            kingsDay(year),
            easter.adding(days: 39),  // Hemelvaartsdag
            easter.adding(days: 50),  // Tweede Pinksterdag
            CivilDate(year: year, month: 12, day: 25),
            CivilDate(year: year, month: 12, day: 26),
        ]
        // Liberation Day is a day off for the public sector in lustrum years.
        if year % 5 == 0 { days.insert(CivilDate(year: year, month: 5, day: 5)) }
        return days
    }

    /// 27 April, or the 26th when the 27th is a Sunday.
    static func kingsDay(_ year: Int) -> CivilDate {
        let day = CivilDate(year: year, month: 4, day: 27)
        return day.weekday == 1 ? CivilDate(year: year, month: 4, day: 26) : day
    }

    /// Gregorian Easter (anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }
}

/// A calendar day without a time zone.
public struct CivilDate: Hashable, Comparable, Sendable {
    public let year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    public init?(_ string: String) {
        let parts = string.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, string.count == 10 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar) else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    public var string: String { year.zeroPadded(to: 4) + "-" + month.zeroPadded(to: 2) + "-" + day.zeroPadded(to: 2) }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private var date: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: day))! }

    /// 1 is Sunday … 7 is Saturday (Foundation's numbering).
    public var weekday: Int { Self.calendar.component(.weekday, from: date) }
    public var isWeekend: Bool { weekday == 1 || weekday == 7 }

    public func adding(days: Int) -> CivilDate {
        let next = Self.calendar.date(byAdding: .day, value: days, to: date)!
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: next)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.string < rhs.string }
}
