/// What the monitor derives an early-signal case's facts from (issue 23):
/// its signals, when the first attempt was due and when someone was reached,
/// how it ended. Read from the signal tables by the app, or written by hand
/// in a test; nothing of who it is about.
public struct SignalCaseHistory: Sendable, Hashable {
    public struct Signal: Sendable, Hashable {
        public let id: String
        public let partner: String
        public let kind: String
        public let day: CivilDay
        public init(id: String, partner: String, kind: String, day: CivilDay) { (self.id, self.partner, self.kind, self.day) = (id, partner, kind, day) }
    }

    public let id: String
    public let neighbourhood: String?
    public let signals: [Signal]
    /// The day the first contact attempt was due under the tenant's target.
    public let contactDue: CivilDay
    public let firstContact: CivilDay?
    public let closed: CivilDay?
    public let outcome: String?
    /// A case of people who had accepted help before: the help did not end the arrears.
    public let afterHelp: Bool

    public init(id: String, neighbourhood: String?, signals: [Signal], contactDue: CivilDay, firstContact: CivilDay?, closed: CivilDay?,
                outcome: String?, afterHelp: Bool = false) {
        (self.id, self.neighbourhood, self.signals, self.contactDue) = (id, neighbourhood, signals.sorted { ($0.day, $0.id) < ($1.day, $1.id) }, contactDue)
        (self.firstContact, self.closed, self.outcome, self.afterHelp) = (firstContact, closed, outcome, afterHelp)
    }

    public var firstSignalled: CivilDay? { signals.first?.day }

    var place: HouseholdHistory { HouseholdHistory(id: id, neighbourhood: neighbourhood) }
}

extension FactExtraction {
    /// A signal counted on the day it came, by partner and kind; the case
    /// counted from its first signal — reached within the target or not
    /// (once that is known), and after how many days; its close — help
    /// accepted or not, and after how many days.
    public func facts(of history: SignalCaseHistory) -> Result {
        guard let first = history.firstSignalled else { return Result(facts: [], recheck: nil) }
        let place = self.place(history.place)
        var facts = history.signals.map { signal in
            Fact(.signal, subject: signal.id, first: signal.day, tags: ["kind": signal.kind, "after-help": Self.flag(history.afterHelp)],
                 dimensions: place.merging([.organization: [signal.partner]]) { $1 })
        }
        let partners = place.merging([.organization: Array(Set(history.signals.map(\.partner)))]) { $1 }
        var recheck: CivilDay?
        var tags: [String: String] = [:]
        if let contact = history.firstContact, contact <= today {
            tags["reached-in-time"] = Self.flag(contact <= history.contactDue)
        } else if history.contactDue < today {
            tags["reached-in-time"] = "false"
        } else if history.closed == nil {
            // Not reached yet and not yet due: known once the due day passes.
            recheck = history.contactDue.adding(days: 1)
        }
        let reachedAfter = history.firstContact.flatMap { $0 <= today ? $0.dayNumber - first.dayNumber : nil }
        facts.append(Fact(.signalCase, subject: history.id, first: first, value: reachedAfter, tags: tags, dimensions: partners))
        if let closed = history.closed, closed <= today {
            let accepted = history.outcome == "accepted_help"
            facts.append(Fact(.signalClosed, subject: history.id, first: closed, value: accepted ? closed.dayNumber - first.dayNumber : nil,
                              tags: ["accepted-help": Self.flag(accepted)], dimensions: partners))
        }
        return Result(facts: facts, recheck: recheck)
    }
}
