import Domain
import Testing

/// An early-signal case's facts for the monitor: each signal by partner, the
/// case reached in time or not (once that is known), and its close.
@Suite("Monitor: facts of early-signal cases")
struct SignalFactsTests {
    let extraction = FactExtraction(today: CivilDay(year: 2026, month: 12, day: 3)!, pillars: [:])
    let first = CivilDay(year: 2026, month: 11, day: 2)!

    func history(contact: CivilDay?, closed: CivilDay? = nil, outcome: String? = nil, due: CivilDay? = nil, afterHelp: Bool = false) -> SignalCaseHistory {
        SignalCaseHistory(id: "case", neighbourhood: "BU09990101",
                          signals: [.init(id: "s2", partner: "energy", kind: "gas", day: first.adding(days: 3)), .init(id: "s1", partner: "housing", kind: "rent", day: first)],
                          contactDue: due ?? CivilDay(year: 2026, month: 11, day: 9)!, firstContact: contact, closed: closed, outcome: outcome, afterHelp: afterHelp)
    }

    @Test func eachSignalCountsForItsPartnerAndTheCaseForAll() {
        let facts = extraction.facts(of: history(contact: CivilDay(year: 2026, month: 11, day: 5))).facts
        let signals = facts.filter { $0.kind == .signal }
        #expect(signals.map(\.subject) == ["s1", "s2"] && signals.map { $0.dimensions[.organization] ?? [] } == [["housing"], ["energy"]])
        #expect(signals.allSatisfy { $0.dimensions[.district] == ["WK099901"] && $0.tags["after-help"] == "false" })
        let signalCase = facts.first { $0.kind == .signalCase }
        #expect(signalCase?.tags == ["reached-in-time": "true"] && signalCase?.value == 3 && signalCase?.dimensions[.organization] == ["energy", "housing"])
        #expect(!facts.contains { $0.kind == .signalClosed })
    }

    @Test func reachedInTimeIsKnownOnlyOnceContactCameOrTheDueDayPassed() {
        // Reached after the due day: not in time.
        #expect(extraction.facts(of: history(contact: CivilDay(year: 2026, month: 11, day: 20))).facts.first { $0.kind == .signalCase }?.tags == ["reached-in-time": "false"])
        // Not reached and the due day passed: not in time, no value.
        let missed = extraction.facts(of: history(contact: nil)).facts.first { $0.kind == .signalCase }
        #expect(missed?.tags == ["reached-in-time": "false"] && missed?.value == nil)
        // Not yet due: no tag, and the monitor looks again the day after it is due.
        let pending = extraction.facts(of: history(contact: nil, due: CivilDay(year: 2026, month: 12, day: 8)))
        #expect(pending.facts.first { $0.kind == .signalCase }?.tags == [:])
        #expect(pending.recheck == CivilDay(year: 2026, month: 12, day: 9))
    }

    @Test func theCloseCountsHelpAcceptedAndHowLongItTook() {
        let accepted = extraction.facts(of: history(contact: first.adding(days: 2), closed: first.adding(days: 10), outcome: "accepted_help")).facts
        let closed = accepted.first { $0.kind == .signalClosed }
        #expect(closed?.tags == ["accepted-help": "true"] && closed?.value == 10 && closed?.first == first.adding(days: 10))
        let declined = extraction.facts(of: history(contact: first.adding(days: 2), closed: first.adding(days: 10), outcome: "declined")).facts
        #expect(declined.first { $0.kind == .signalClosed }?.tags == ["accepted-help": "false"])
        #expect(extraction.facts(of: history(contact: nil, afterHelp: true)).facts.filter { $0.kind == .signal }.allSatisfy { $0.tags["after-help"] == "true" })
        // A case emptied by combining has no facts at all.
        let empty = SignalCaseHistory(id: "gone", neighbourhood: nil, signals: [], contactDue: first, firstContact: nil, closed: first, outcome: "combined")
        #expect(extraction.facts(of: empty).facts.isEmpty)
    }

    @Test func aPlanBeganAfterHelpAcceptedOnASignalIsReachedThroughIt() {
        let start = CivilDay(year: 2026, month: 6, day: 1)!
        func plan(_ help: [CivilDay]) -> Fact? {
            let history = HouseholdHistory(id: "h", members: [.init(id: "r", birth: nil, relation: "head")],
                                           involvements: [.init(id: "i", organization: "o", isCoordinator: true, domains: [.finances], days: DayRange(first: start, endingBefore: nil))],
                                           helpAcceptedAfterSignal: help)
            return extraction.facts(of: history).facts.first { $0.kind == .plan }
        }
        #expect(plan([start]).map { $0.tags["via-signal"] } == "true")
        #expect(plan([start.adding(days: -200)]).map { $0.tags["via-signal"] } == "false")
        #expect(plan([]).map { $0.tags["via-signal"] } == "false")
    }
}
