import Foundation
import Domain

/// Calendar days as yyyy-MM-dd in Dutch time: they sort like the dates they
/// name and cannot shift across time zones. Also the one place that turns
/// instants into the times people read.
enum Day {
    static let timeZone = TimeZone(identifier: "Europe/Amsterdam")!

    static func string(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!).string
    }

    static func today() -> String { string(Date()) }

    /// The day typed, if it is a real calendar date.
    static func parse(_ raw: String?) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), let start = start(of: raw), string(start) == raw else { return nil }
        return raw
    }

    /// Midnight, Dutch time, at the start of a yyyy-MM-dd day.
    static func start(of day: String) -> Date? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(dayOfMonth)
        else { return nil }
        return calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth))
    }

    /// Midnight at the start of the day after `day`: correct across daylight-saving changes.
    static func end(of day: String) -> Date? {
        start(of: day).flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
    }

    /// "yyyy-MM-dd HH:mm", with ":ss" when asked.
    static func timestamp(_ date: Date, seconds: Bool = false) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let time = parts.hour!.zeroPadded(to: 2) + ":" + parts.minute!.zeroPadded(to: 2) + (seconds ? ":" + parts.second!.zeroPadded(to: 2) : "")
        return "\(string(date)) \(time)"
    }

    /// "dd-MM-yyyy HH:mm", the way residents write dates, for the portal.
    static func dutchTimestamp(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return [parts.day!, parts.month!].map { $0.zeroPadded(to: 2) }.joined(separator: "-") + "-" + parts.year!.zeroPadded(to: 4)
            + " " + parts.hour!.zeroPadded(to: 2) + ":" + parts.minute!.zeroPadded(to: 2)
    }

    /// Gregorian, in Dutch time; made once (making one is not cheap).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()
}
