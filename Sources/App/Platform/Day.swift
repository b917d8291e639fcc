import Foundation

/// Calendar days as yyyy-MM-dd in Dutch time: they sort like the dates they
/// name and cannot shift across time zones.
enum Day {
    static let timeZone = TimeZone(identifier: "Europe/Amsterdam")!

    static func string(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func today() -> String { string(Date()) }

    /// The day typed, if it is a real calendar date.
    static func parse(_ raw: String?) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), raw.count == 10,
              let date = formatter.date(from: raw), string(date) == raw
        else { return nil }
        return raw
    }

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private static var formatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.isLenient = false
        return formatter
    }
}
