import Foundation

/// The tenant's choices for early signals: how soon the first contact
/// attempt is due, how long signals combine into one case, and how long a
/// case that did not lead to help is kept.
public struct SignalRules: Equatable, Codable, Sendable {
    public var contactWorkingDays: Int
    public var combineDays: Int
    public var keptMonths: Int

    public init(contactWorkingDays: Int, combineDays: Int, keptMonths: Int) {
        (self.contactWorkingDays, self.combineDays, self.keptMonths) = (contactWorkingDays, combineDays, keptMonths)
    }

    /// Five working days to a first attempt and thirty days of combining
    /// (the defaults); twelve months kept — see the README on why
    /// that default wants the privacy officer's confirmation.
    public static let defaults = SignalRules(contactWorkingDays: 5, combineDays: CaseCombining.defaultWindowDays, keptMonths: 12)

    public static let contactRange = 1...30, combineRange = 1...90, keptRange = 1...60

    /// The day a first attempt is due for a case first signalled on `first`.
    public func contactDue(firstSignalled first: CivilDay) -> CivilDay {
        WorkingDays.add(contactWorkingDays, to: first.iso).flatMap(CivilDay.init) ?? first
    }

    /// The latest first-signal day whose first attempt is overdue on
    /// `today`: every case first signalled on or before it, still without an
    /// attempt, waits longer than the target.
    public func overdueThrough(today: CivilDay) -> CivilDay {
        var day = today.adding(days: -1)
        while contactDue(firstSignalled: day) >= today { day = day.adding(days: -1) }
        return day
    }

    /// Whether a case is kept no longer: it did not lead to help, and its
    /// last signal (an open case) or its closing (a closed one) is more than
    /// `keptMonths` ago. A case that led to help belongs to the household's
    /// file and goes with it.
    public func isErasable(closedOn: CivilDay?, outcomeAcceptedHelp: Bool, lastSignalled: CivilDay, today: CivilDay) -> Bool {
        guard !outcomeAcceptedHelp else { return false }
        return max(closedOn ?? lastSignalled, lastSignalled) < today.adding(months: -keptMonths)
    }
}
