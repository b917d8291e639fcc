import Foundation

/// A day of the week as HSDS writes it in a schedule's `byday` (iCal codes).
public enum Weekday: String, CaseIterable, Codable, Sendable {
    case monday = "MO", tuesday = "TU", wednesday = "WE", thursday = "TH", friday = "FR", saturday = "SA", sunday = "SU"

    /// From `Calendar`'s weekday number (1 = Sunday).
    public init(calendarWeekday: Int) {
        self = [.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday][(calendarWeekday - 1 + 7) % 7]
    }
}

/// One weekly opening: a weekday, and from when to when (minutes after midnight).
public struct WeeklyOpening: Hashable, Sendable {
    public let weekday: Weekday
    public let opensAt: Int
    public let closesAt: Int

    public init(weekday: Weekday, opensAt: Int, closesAt: Int) {
        self.weekday = weekday
        self.opensAt = opensAt
        self.closesAt = closesAt
    }

    /// "HH:mm" (or "HH:mm:ss") to minutes after midnight; nil for anything else.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        if parts.count == 3, Int(parts[2]).map({ (0...59).contains($0) }) != true { return nil }
        return hour * 60 + minute
    }

    /// Minutes after midnight as "HH:mm".
    public static func text(_ minutes: Int) -> String {
        (minutes / 60).zeroPadded(to: 2) + ":" + (minutes % 60).zeroPadded(to: 2)
    }

    /// Open at `minute` of `weekday`: from opening up to (not including) closing.
    public func isOpen(on day: Weekday, at minute: Int) -> Bool {
        day == weekday && minute >= opensAt && minute < closesAt
    }

    /// Whether any of `openings` is open at that moment.
    public static func isOpen(_ openings: [WeeklyOpening], on day: Weekday, at minute: Int) -> Bool {
        openings.contains { $0.isOpen(on: day, at: minute) }
    }

    /// The weekday and minute of `date` in `timeZone` (Europe/Amsterdam for Samenspel).
    public static func moment(_ date: Date, in timeZone: TimeZone) -> (Weekday, Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        return (Weekday(calendarWeekday: parts.weekday ?? 1), (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}
