/// Why a placement ended (issue 24): what the monitor counts and the
/// resident and host read back.
public enum PlacementEndReason: String, CaseIterable, Codable, Sendable {
    case completed, nextStep = "next_step", residentStopped = "resident_stopped", hostStopped = "host_stopped", health, other
}

/// How it is going, in the resident's and the host's answer to a check-in.
public enum CheckInAnswer: String, CaseIterable, Codable, Sendable {
    case good, fair, hard
}

/// When a placement's check-ins fall: every `weeks` weeks from its start,
/// check-in `n` covering the `n`-th stretch and due at its end. Whoever
/// answers during a stretch answers that stretch's check-in, so nobody has
/// to wait for a day to come and a missed one stays missed.
public struct CheckInSchedule: Equatable, Sendable {
    /// The intervals the host may agree: one to twelve weeks.
    public static let weekChoices = 1...12

    public let startedOn: CivilDay
    public let weeks: Int

    public init?(startedOn: CivilDay, weeks: Int) {
        guard Self.weekChoices.contains(weeks) else { return nil }
        (self.startedOn, self.weeks) = (startedOn, weeks)
    }

    /// The check-in `day` falls in: 1 from the start, nil before it.
    public func number(on day: CivilDay) -> Int? {
        let days = startedOn.days(until: day)
        return days < 0 ? nil : days / (weeks * 7) + 1
    }

    /// The day check-in `number` is due: the end of its stretch.
    public func dueOn(_ number: Int) -> CivilDay { startedOn.adding(days: number * weeks * 7) }
}

/// What a check-in may be given on: a running placement, from its start.
public enum CheckInRefusal: Error, Equatable, Sendable {
    case ended, notStarted
}

public extension CheckInSchedule {
    /// The check-in an answer given on `day` belongs to, or why none does.
    func checkIn(on day: CivilDay, ended: Bool) -> Result<Int, CheckInRefusal> {
        if ended { return .failure(.ended) }
        guard let number = number(on: day) else { return .failure(.notStarted) }
        return .success(number)
    }
}

/// The placement forms checked whole (issue 24): every field named at once,
/// by the id its form gives it (`prefix-…`, as one page shows several).
public enum PlacementCheck {
    public static func checkIn(answer: String?, words: String?, prefix: String) -> Result<(CheckInAnswer, String?), InvalidForm> {
        var validator = FormValidator()
        let chosen = answer.flatMap(CheckInAnswer.init(rawValue:))
        if chosen == nil { validator.add("\(prefix)-answer", "participation.check_in_choose") }
        let words = validator.text("\(prefix)-words", words, required: false, maxLength: 1000, allowLineBreaks: true)
        guard let chosen, validator.isValid else { return .failure(InvalidForm(issues: validator.issues)) }
        return .success((chosen, words))
    }

    /// An end on a day from the start to today, with a reason.
    public static func end(reason: String?, endedOn: String?, startedOn: CivilDay, today: CivilDay, prefix: String) -> Result<(PlacementEndReason, CivilDay), InvalidForm> {
        var validator = FormValidator()
        let chosen = reason.flatMap(PlacementEndReason.init(rawValue:))
        if chosen == nil { validator.add("\(prefix)-reason", "validation.choose_option") }
        var day = validator.day("\(prefix)-ended", endedOn)
        if let typed = day, typed < startedOn || typed > today {
            validator.add("\(prefix)-ended", "participation.ended_on_range")
            day = nil
        }
        guard let chosen, let day, validator.isValid else { return .failure(InvalidForm(issues: validator.issues)) }
        return .success((chosen, day))
    }

    /// A start within a year of today, with check-ins every one to twelve weeks.
    public static func start(startedOn: String?, weeks: String?, today: CivilDay, prefix: String) -> Result<CheckInSchedule, InvalidForm> {
        var validator = FormValidator()
        var day = validator.day("\(prefix)-started", startedOn)
        if let typed = day, abs(today.days(until: typed)) > 366 {
            validator.add("\(prefix)-started", "participation.started_on_range")
            day = nil
        }
        let interval = weeks.flatMap { Int($0) }.flatMap { CheckInSchedule.weekChoices.contains($0) ? $0 : nil }
        if interval == nil { validator.add("\(prefix)-weeks", "validation.choose_option") }
        guard let day, let interval, let schedule = CheckInSchedule(startedOn: day, weeks: interval), validator.isValid
        else { return .failure(InvalidForm(issues: validator.issues)) }
        return .success(schedule)
    }
}

/// A form's refusals, field by field.
public struct InvalidForm: Error, Equatable, Sendable {
    public let issues: [ValidationIssue]
}
