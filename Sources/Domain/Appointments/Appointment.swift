import Foundation

/// How people meet.
public enum AppointmentMode: String, CaseIterable, Sendable {
    case inPerson = "in_person", homeVisit = "home_visit", phone, video
}

/// Where an appointment stands: the team proposes it, the resident confirms
/// it or asks for another time, the team moves or cancels it.
public enum AppointmentStatus: String, CaseIterable, Sendable {
    case proposed, confirmed
    case changeRequested = "change_requested"
    case cancelled

    /// What the resident may do now.
    public var residentMayAnswer: Bool { self == .proposed || self == .confirmed }
    public var isOpen: Bool { self != .cancelled }
}

/// An appointment's time as typed: a day and a start and end time, in the
/// municipality's time zone. Refused when any part does not read, when it
/// ends before it starts, or when it starts in the past.
public struct AppointmentSlot: Equatable, Sendable {
    public let start: Date
    public let end: Date

    public enum Problem: String, Equatable, Sendable {
        case day, startTime = "start_time", endTime = "end_time", endsBeforeStart = "ends_before_start", inThePast = "in_the_past"
    }

    /// Longer than a working day is not one appointment.
    public static let longest: TimeInterval = 12 * 3600

    public static func read(day: String?, start: String?, end: String?, now: Date, zone: TimeZone = .samenspelDefault) -> (slot: AppointmentSlot?, problems: [Problem]) {
        let civil = day.flatMap { DayReading($0).day }
        let from = start.flatMap(clock), to = end.flatMap(clock)
        var problems: [Problem] = []
        if civil == nil { problems.append(.day) }
        if from == nil { problems.append(.startTime) }
        if to == nil { problems.append(.endTime) }
        guard let civil, let from, let to else { return (nil, problems) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = civil.iso.split(separator: "-").compactMap { Int($0) }
        let instant = { (time: (Int, Int)) in
            calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: time.0, minute: time.1))
        }
        guard parts.count == 3, let startAt = instant(from), let endAt = instant(to) else { return (nil, [.day]) }
        if endAt <= startAt || endAt.timeIntervalSince(startAt) > longest { return (nil, [.endsBeforeStart]) }
        if startAt < now { return (nil, [.inThePast]) }
        return (AppointmentSlot(start: startAt, end: endAt), [])
    }

    /// "9:30", "09.30" or "0930" as hour and minute.
    static func clock(_ raw: String) -> (Int, Int)? {
        let digits = raw.trimmingCharacters(in: .whitespaces).filter { $0 != ":" && $0 != "." }
        guard (3...4).contains(digits.count), digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
        let (hour, minute) = (value / 100, value % 100)
        return (0..<24).contains(hour) && (0..<60).contains(minute) ? (hour, minute) : nil
    }
}
