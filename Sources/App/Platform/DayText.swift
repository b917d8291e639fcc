import Domain
import Foundation

/// Days and moments as people read them: "3 december 2026" in Dutch,
/// "3 December 2026" in English, and short forms for dense tables
/// ("03-12-2026", "3 Dec 2026"). Stored and sent days stay `yyyy-MM-dd`;
/// only pages use these.
extension Speaking {
    /// A day in words; text that is not a day stays as it is.
    func day(_ iso: String?) -> String {
        guard let iso, let day = CivilDay(iso) else { return iso ?? "" }
        return "\(day.day) \(t("date.month.\(day.month)")) \(day.year)"
    }

    /// A day in a table's column.
    func shortDay(_ iso: String?) -> String {
        guard let iso, let day = CivilDay(iso) else { return iso ?? "" }
        switch locale {
        case .nl: return day.day.zeroPadded(to: 2) + "-" + day.month.zeroPadded(to: 2) + "-" + day.year.zeroPadded(to: 4)
        case .en: return "\(day.day) \(t("date.month_short.\(day.month)")) \(day.year)"
        }
    }

    /// A moment in words: "3 december 2026, 14:05".
    func moment(_ date: Date) -> String { day(Day.string(date)) + ", " + Day.clock(date) }

    /// A moment in a table's column: "03-12-2026 14:05" (with seconds for the access log).
    func shortMoment(_ date: Date, seconds: Bool = false) -> String { shortDay(Day.string(date)) + " " + Day.clock(date, seconds: seconds) }
}
