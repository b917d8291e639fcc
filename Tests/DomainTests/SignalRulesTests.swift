import Domain
import Testing

/// The tenant's rules for signals: when a first attempt is due (working
/// days, so weekends and holidays do not count), which cases are overdue,
/// and which may no longer be kept.
@Suite("Early signals: contact target and retention")
struct SignalRulesTests {
    let rules = SignalRules.defaults

    @Test func aFirstAttemptIsDueFiveWorkingDaysOn() {
        // Thursday 3 December 2026: five working days is Thursday 10 December.
        let thursday = CivilDay(year: 2026, month: 12, day: 3)!
        #expect(rules.contactDue(firstSignalled: thursday) == CivilDay(year: 2026, month: 12, day: 10))
        // Over Christmas (25 and 26 December are holidays): Wednesday 23 December is due on Thursday 31 December.
        let beforeChristmas = CivilDay(year: 2026, month: 12, day: 23)!
        #expect(rules.contactDue(firstSignalled: beforeChristmas) == CivilDay(year: 2026, month: 12, day: 31))
    }

    @Test func overdueAreTheCasesWhoseDueDayHasPassed() {
        let today = CivilDay(year: 2026, month: 12, day: 11)!
        let through = rules.overdueThrough(today: today)
        #expect(rules.contactDue(firstSignalled: through) < today)
        #expect(rules.contactDue(firstSignalled: through.adding(days: 1)) >= today)
        // Whatever the day, the boundary holds.
        var day = CivilDay(year: 2026, month: 1, day: 1)!
        for _ in 0..<400 {
            let last = rules.overdueThrough(today: day)
            #expect(rules.contactDue(firstSignalled: last) < day && rules.contactDue(firstSignalled: last.adding(days: 1)) >= day, "\(day)")
            day = day.adding(days: 1)
        }
    }

    @Test func onlyCasesWithoutHelpAreErasedAndOnlyAfterThePeriod() {
        let today = CivilDay(year: 2026, month: 12, day: 3)!
        let old = CivilDay(year: 2025, month: 12, day: 2)!, recent = CivilDay(year: 2025, month: 12, day: 3)!
        #expect(rules.isErasable(closedOn: nil, outcomeAcceptedHelp: false, lastSignalled: old, today: today))
        #expect(!rules.isErasable(closedOn: nil, outcomeAcceptedHelp: false, lastSignalled: recent, today: today))
        // Closed lately: kept from the closing, not the signal.
        #expect(!rules.isErasable(closedOn: CivilDay(year: 2026, month: 3, day: 1), outcomeAcceptedHelp: false, lastSignalled: old, today: today))
        #expect(rules.isErasable(closedOn: old, outcomeAcceptedHelp: false, lastSignalled: old.adding(days: -40), today: today))
        // Help accepted: part of the household's file, never erased here.
        #expect(!rules.isErasable(closedOn: old, outcomeAcceptedHelp: true, lastSignalled: old, today: today))
        let shorter = SignalRules(contactWorkingDays: 5, combineDays: 30, keptMonths: 6)
        #expect(shorter.isErasable(closedOn: nil, outcomeAcceptedHelp: false, lastSignalled: CivilDay(year: 2026, month: 6, day: 2)!, today: today))
    }
}
