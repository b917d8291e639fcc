import Domain
import Testing

/// Corners the per-indicator tests do not reach: slices of one subject with
/// several facts, and when time alone changes a household's facts.
@Suite("Indicator corners")
struct IndicatorEdgeTests: IndicatorTesting {
    @Test func aSubjectsHitStaysInTheSliceOfTheFactThatHit() {
        // One household, two plans in Q1: org-a's in January, never signed;
        // org-b's from March, signed 5 March. The household counts once in
        // the whole (signed: one of its plans was); org-a's slice must not
        // borrow org-b's signature.
        let history = HouseholdHistory(id: "h1", involvements: [
            involvement("i1", "org-a", days("2026-01-05", "2026-01-20")),
            involvement("i2", "org-b", days("2026-03-01")),
        ], signatures: [day("2026-03-05")])
        let cells = tallies([history], today: "2026-06-15")
        let id = "plans-co-signed"
        #expect(cell(cells, id, "2026-Q1") == Tally(subjects: 1, hits: 1))
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-b"]) == Tally(subjects: 1, hits: 1))
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-a"]) == Tally(subjects: 1, hits: 0))
        #expect(cell(cells, id, "2026-01") == Tally(subjects: 1, hits: 0))
    }

    func recheck(_ history: HouseholdHistory, today: String) -> CivilDay? {
        FactExtraction(today: day(today), pillars: ShippedIndicators.pillars).facts(of: history).recheck
    }

    @Test func aRunningPlanIsCheckedAgainNextMonth() {
        let history = HouseholdHistory(id: "h1", involvements: [involvement("i1", "org-a", days("2026-01-05"))])
        #expect(recheck(history, today: "2026-06-15") == day("2026-07-01"))
        // Ended long ago, nothing else: time changes nothing.
        let ended = HouseholdHistory(id: "h2", involvements: [involvement("i1", "org-a", days("2025-01-05", "2025-02-01"))])
        #expect(recheck(ended, today: "2026-06-15") == nil)
    }

    @Test func anUnansweredDeadlineIsCheckedTheDayAfter() {
        let history = HouseholdHistory(id: "h1", referrals: [referral("r1", sent: "2026-06-10", due: "2026-06-17")])
        #expect(recheck(history, today: "2026-06-15") == day("2026-06-18"))
        // The day after, the referral is overdue.
        let cells = tallies([history], today: "2026-06-18")
        #expect(cell(cells, "referrals-overdue", "2026-06") == Tally(subjects: 1, hits: 1))
        #expect(cell(tallies([history], today: "2026-06-17"), "referrals-overdue", "2026-06") == .zero)
    }

    @Test func aPlanEndingSoonIsCheckedTheDayAfterItEnds() {
        // The plan ends 20 June: from 21 June it is an ended plan (re-entry's base).
        let history = HouseholdHistory(id: "h1", involvements: [involvement("i1", "org-a", days("2026-01-05", "2026-06-20"))])
        #expect(cell(tallies([history], today: "2026-06-20"), "re-entry", "2026-06") == .zero)
        #expect(cell(tallies([history], today: "2026-06-21"), "re-entry", "2026-06") == Tally(subjects: 1, hits: 0))
        #expect(recheck(history, today: "2026-06-15") == day("2026-06-21"))
    }

    @Test func aReviewIsCheckedOnItsDueDay() {
        // Signed 10 Jan: due 10 Jul, when the review fact appears.
        let history = HouseholdHistory(id: "h1", involvements: [involvement("i1", "org-a", days("2026-01-05"))],
                                       signatures: [day("2026-01-10")])
        #expect(cell(tallies([history], today: "2026-07-10"), "plans-reviewed-on-time", "2026-07") == Tally(subjects: 1, hits: 0))
        #expect(cell(tallies([history], today: "2026-07-09"), "plans-reviewed-on-time", "2026-07") == .zero)
        #expect(recheck(history, today: "2026-07-05") == day("2026-07-10"))
    }

    @Test func aPlanStartingLaterIsCheckedWhenItStarts() {
        // Only the municipality, no contact person: no fact until 1 July, but 1 July must be checked.
        let history = HouseholdHistory(id: "h1", involvements: [
            involvement("i1", "gemeente", days("2026-07-01"), municipality: true, coordinator: true),
        ])
        #expect(recheck(history, today: "2026-06-15") == day("2026-07-01"))
        #expect(cell(tallies([history], today: "2026-07-01"), "new-plans", "2026-07") == Tally(subjects: 1))
    }
}
