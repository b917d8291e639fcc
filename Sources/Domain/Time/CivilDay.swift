import Foundation

/// A calendar day, without a time or a time zone: the one type for a day in
/// Samenspel (birth dates, validity, due dates, review dates). Stored and sent
/// as `yyyy-MM-dd`, which sorts like the days it names. Arithmetic is on the
/// day number since 1970-01-01 (proleptic Gregorian), so it never meets a
/// daylight-saving change; only `today(in:)` and `start(in:)` touch a zone.
public struct CivilDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A real calendar day, or nil (31 April, 29 February outside leap years, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(unchecked: year, month, day)
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Strictly `yyyy-MM-dd` naming a real day; nil otherwise.
    public init?(_ iso: some StringProtocol) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]), let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var iso: String { year.zeroPadded(to: 4) + "-" + month.zeroPadded(to: 2) + "-" + day.zeroPadded(to: 2) }
    public var description: String { iso }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

// MARK: Arithmetic

extension CivilDay {
    /// Days since 1970-01-01 (negative before), after H. Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with this day number (`civil_from_days`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public func adding(days: Int) -> CivilDay { CivilDay(dayNumber: dayNumber + days) }

    /// The same day `months` calendar months later (or earlier); a day the
    /// target month lacks becomes its last day: 31 August + 6 months = 28 February.
    public func adding(months: Int) -> CivilDay {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        return CivilDay(unchecked: newYear, newMonth, min(day, Self.daysIn(month: newMonth, year: newYear)))
    }

    public func days(until other: CivilDay) -> Int { other.dayNumber - dayNumber }

    /// 1 is Sunday … 7 is Saturday (Foundation's numbering); 1970-01-01 was a Thursday.
    public var weekday: Int { ((dayNumber % 7 + 7) % 7 + 4) % 7 + 1 }
    public var isWeekend: Bool { weekday == 1 || weekday == 7 }
}

// MARK: Instants

extension CivilDay {
    /// The day it is at `instant` in `zone` (Europe/Amsterdam unless the tenant says otherwise).
    public static func of(_ instant: Date, in zone: TimeZone = .samenspelDefault) -> CivilDay {
        let shifted = Int((instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))).rounded(.down))
        return CivilDay(dayNumber: Int((Double(shifted) / 86_400).rounded(.down)))
    }

    public static func today(in zone: TimeZone = .samenspelDefault, now: Date = Date()) -> CivilDay { of(now, in: zone) }

    /// Midnight at the start of the day in `zone`: the instant the day begins
    /// there, right on the days clocks change.
    public func start(in zone: TimeZone = .samenspelDefault) -> Date {
        let utcMidnight = Double(dayNumber) * 86_400
        // The offset at midnight can differ from the offset a few hours later, so ask twice.
        let guess = utcMidnight - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight)))
        return Date(timeIntervalSince1970: utcMidnight - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }
}

extension TimeZone {
    /// Where Samenspel's first municipalities are; a tenant may name another.
    public static let samenspelDefault = TimeZone(identifier: "Europe/Amsterdam")!
}
