/// When a household's file may go: at the end of its period by itself, or
/// earlier when the resident asks (GDPR art. 17) — never while the file is
/// in use for the municipal task (art. 17(3)(b)), never under a legal hold,
/// and on request only where the rule allows it before the period ends.
public enum ErasurePolicy {
    public struct File: Sendable, Equatable {
        /// The day the last involvement ended; nil while someone is still involved.
        public let closedOn: CivilDay?
        /// A minor lived in the household when it closed (or lives there now).
        public let hadMinor: Bool
        public let legalHold: Bool

        public init(closedOn: CivilDay?, hadMinor: Bool, legalHold: Bool) {
            (self.closedOn, self.hadMinor, self.legalHold) = (closedOn, hadMinor, legalHold)
        }

        public var kind: RetentionKind { hadMinor ? .youthFile : .householdFile }
    }

    public enum Decision: Equatable, Sendable {
        case erase
        case refused(Refusal)
    }

    public enum Refusal: Equatable, Sendable {
        /// Someone still works with the household: the task needs the file.
        case fileOpen
        case legalHold
        /// The rule keeps the file until then and allows no earlier erasure.
        case retentionPeriod(until: CivilDay)
    }

    /// The last day the file is kept: its period after it closed.
    public static func keptUntil(closedOn: CivilDay, months: Int) -> CivilDay {
        closedOn.adding(months: months)
    }

    /// Whether the period has run out by `today`, so the file goes by itself.
    public static func expired(_ file: File, setting: RetentionSetting, today: CivilDay) -> Bool {
        guard let closedOn = file.closedOn, !file.legalHold else { return false }
        return keptUntil(closedOn: closedOn, months: setting.months) < today
    }

    /// A resident's request to erase the file, decided on `today`.
    public static func decideRequest(_ file: File, setting: RetentionSetting, today: CivilDay) -> Decision {
        guard let closedOn = file.closedOn else { return .refused(.fileOpen) }
        if file.legalHold { return .refused(.legalHold) }
        let until = keptUntil(closedOn: closedOn, months: setting.months)
        if !setting.erasableOnRequest, until >= today { return .refused(.retentionPeriod(until: until)) }
        return .erase
    }

    /// A minor is someone under 18 on `day`.
    public static func isMinor(bornOn birth: CivilDay, on day: CivilDay) -> Bool {
        birth.adding(months: 18 * 12) > day
    }
}
