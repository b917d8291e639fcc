import Foundation
import Domain

/// Days as the `yyyy-MM-dd` text that forms, rows and pages carry, made and
/// read through `CivilDay` (Domain) in Dutch time. Also the one place that
/// turns instants into the times people read.
enum Day {
    static let timeZone = TimeZone.samenspelDefault

    static func string(_ date: Date) -> String { CivilDay.of(date, in: timeZone).iso }

    static func today() -> String { CivilDay.today(in: timeZone).iso }

    /// The day typed, if it is a real calendar date, from the picker or the
    /// Dutch way (3-12-2026), as `yyyy-MM-dd`.
    static func parse(_ raw: String?) -> String? {
        raw.flatMap { DayReading($0).day }?.iso
    }

    /// Midnight, Dutch time, at the start of a yyyy-MM-dd day.
    static func start(of day: String) -> Date? { CivilDay(day)?.start(in: timeZone) }

    /// Midnight at the start of the day after `day`: correct across daylight-saving changes.
    static func end(of day: String) -> Date? { CivilDay(day)?.adding(days: 1).start(in: timeZone) }

    /// "HH:mm", with ":ss" when asked, in Dutch time.
    static func clock(_ date: Date, seconds: Bool = false) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return parts.hour!.zeroPadded(to: 2) + ":" + parts.minute!.zeroPadded(to: 2) + (seconds ? ":" + parts.second!.zeroPadded(to: 2) : "")
    }

    /// Gregorian, in Dutch time; made once (making one is not cheap).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()
}
