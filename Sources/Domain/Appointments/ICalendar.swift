import Foundation

/// One appointment as an iCalendar file (RFC 5545): what a participant
/// downloads into their own calendar. Times in UTC, text escaped (§3.3.11),
/// lines folded at 75 octets without splitting a character (§3.1), CRLF.
public struct ICalendarEvent: Equatable, Sendable {
    public let uid: String
    public let stamp: Date
    public let start: Date
    public let end: Date
    public let summary: String
    public let location: String?
    public let description: String?
    public let status: AppointmentStatus
    /// Raised on every change, so calendars replace the earlier version.
    public let sequence: Int

    public init(uid: String, stamp: Date, start: Date, end: Date, summary: String, location: String?, description: String?,
                status: AppointmentStatus, sequence: Int) {
        (self.uid, self.stamp, self.start, self.end, self.summary) = (uid, stamp, start, end, summary)
        (self.location, self.description, self.status, self.sequence) = (location, description, status, sequence)
    }

    public func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samenspel//Afspraken//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VEVENT", "UID:\(Self.escape(uid))", "DTSTAMP:\(Self.utc(stamp))", "DTSTART:\(Self.utc(start))", "DTEND:\(Self.utc(end))",
            "SEQUENCE:\(sequence)", "STATUS:\(Self.calendarStatus(status))", "SUMMARY:\(Self.escape(summary))",
        ]
        if let location, !location.isEmpty { lines.append("LOCATION:\(Self.escape(location))") }
        if let description, !description.isEmpty { lines.append("DESCRIPTION:\(Self.escape(description))") }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func calendarStatus(_ status: AppointmentStatus) -> String {
        switch status {
        case .confirmed: "CONFIRMED"
        case .cancelled: "CANCELLED"
        case .proposed, .changeRequested: "TENTATIVE"
        }
    }

    /// 20261203T091500Z.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let two = { (value: Int?) in String(format: "%02d", value ?? 0) }
        return String(format: "%04d", c.year ?? 0) + two(c.month) + two(c.day) + "T" + two(c.hour) + two(c.minute) + two(c.second) + "Z"
    }

    /// Backslash, semicolon, comma and line breaks escaped; other control characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default: if !CharacterSet.controlCharacters.contains(scalar) || scalar == "\t" { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A content line of at most 75 octets, continued on lines that start with a space.
    static func fold(_ line: String) -> String {
        var lines: [String] = [], current = "", octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + size > limit {
                lines.append(current)
                (current, octets) = ("", 0)
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }
}
