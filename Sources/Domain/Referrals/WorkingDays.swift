import Foundation

/// Response deadlines count working days: not weekends, not Dutch public
/// holidays. Days are yyyy-MM-dd strings, as everywhere in Samenspel.
public enum WorkingDays {
    /// The day `count` working days after `start` (a referral sent on Friday
    /// with 1 working day is due on Monday).
    public static func add(_ count: Int, to start: String) -> String? {
        guard var date = CivilDay(start) else { return nil }
        var remaining = max(count, 0)
        while remaining > 0 {
            date = date.adding(days: 1)
            if isWorkingDay(date) { remaining -= 1 }
        }
        return date.iso
    }

    /// Whether a response due on `due` is late on `today`.
    public static func isOverdue(due: String, today: String) -> Bool { today > due }

    public static func isWorkingDay(_ date: CivilDay) -> Bool {
        !date.isWeekend && !DutchHolidays.contains(date)
    }
}

/// The Dutch public holidays (algemeen erkende feestdagen) on which offices close.
public enum DutchHolidays {
    public static func contains(_ date: CivilDay) -> Bool { days(in: date.year).contains(date) }

    public static func days(in year: Int) -> Set<CivilDay> {
        let easter = easterSunday(year)
        var days: Set<CivilDay> = [
            CivilDay(unchecked: year, 1, 1),
            easter.adding(days: 1),   // Tweede Paasdag
            kingsDay(year),
            easter.adding(days: 39),  // Hemelvaartsdag
            easter.adding(days: 50),  // Tweede Pinksterdag
            CivilDay(unchecked: year, 12, 25),
            CivilDay(unchecked: year, 12, 26),
        ]
        // Liberation Day is a day off for the public sector in lustrum years.
        if year % 5 == 0 { days.insert(CivilDay(unchecked: year, 5, 5)) }
        return days
    }

    /// 27 April, or the 26th when the 27th is a Sunday.
    static func kingsDay(_ year: Int) -> CivilDay {
        let day = CivilDay(unchecked: year, 4, 27)
        return day.weekday == 1 ? CivilDay(unchecked: year, 4, 26) : day
    }

    /// Gregorian Easter (anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> CivilDay {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDay(unchecked: year, month, day)
    }
}
