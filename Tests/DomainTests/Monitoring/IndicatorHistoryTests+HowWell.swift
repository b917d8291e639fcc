import Domain
import Testing

/// "How well did we do it?": each indicator on a small history worked out by hand.
@Suite("Indicators on hand-made histories: how well")
struct IndicatorHowWellTests: IndicatorTesting {
    /// Professional p01 … p10 is the contact for this many households in Q1.
    static let caseloads = [1, 1, 2, 2, 2, 3, 3, 4, 5, 8]

    /// One household per case; half the cases in January, half in March, so
    /// a professional's quarter is the distinct households of its months.
    var caseloadHistories: [HouseholdHistory] {
        var histories: [HouseholdHistory] = []
        for (index, count) in Self.caseloads.enumerated() {
            let professional = "p" + String(index + 1).leftPadded(2)
            for case_ in 1...count {
                let id = "\(professional)-h\(case_)"
                let span = case_.isMultiple(of: 2) ? days("2026-03-02", "2026-03-31") : days("2026-01-05", "2026-01-30")
                var involvements = [involvement("\(id)-i1", "org-a", span, contact: professional)]
                // p01's one household has the same contact in a second plan in March: still one household.
                if id == "p01-h1" { involvements.append(involvement("\(id)-i2", "org-a", days("2026-03-02"), contact: professional)) }
                histories.append(HouseholdHistory(id: id, involvements: involvements))
            }
        }
        // p11 only starts in April: not in Q1's figure.
        histories.append(HouseholdHistory(id: "p11-h1", involvements: [involvement("p11-h1-i1", "org-b", days("2026-04-01"), contact: "p11")]))
        return histories
    }

    @Test func caseloadCountsDistinctHouseholdsPerProfessional() throws {
        let cells = tallies(caseloadHistories, today: "2026-06-15")
        let professionals = (1...11).map { "p" + String($0).leftPadded(2) }
        let perValues = professionals.map { cell(cells, "caseload-median", "2026-Q1", [.professional: $0]) }
        #expect(perValues.map(\.subjects) == Self.caseloads + [0])
        // In January p10 had the odd cases 1, 3, 5, 7: four households.
        #expect(cell(cells, "caseload-median", "2026-01", [.professional: "p10"]).subjects == 4)
        // p01's household, in January and in March: one in the quarter.
        #expect(cell(cells, "caseload-median", "2026-03", [.professional: "p01"]).subjects == 1)
        // The whole counts households: 1+1+2+2+2+3+3+4+5+8 = 31.
        let whole = cell(cells, "caseload-median", "2026-Q1")
        #expect(whole.subjects == 31)
        #expect(cell(cells, "caseload-median", "2026-Q1", [.organization: "org-a", .professional: "p09"]).subjects == 5)

        // Ten professionals: nearest rank, the median is the 5th value (2), the 90th percentile the 9th (5).
        let median = IndicatorFigure.of(try #require(catalog["caseload-median"]), tally: whole, perValues: perValues)
        #expect(median == IndicatorFigure(base: .shown(10), value: 2))
        let p90 = IndicatorFigure.of(try #require(catalog["caseload-p90"]), tally: whole, perValues: perValues)
        #expect(p90 == IndicatorFigure(base: .shown(10), value: 5))
        // Nine professionals are too few to show a caseload figure.
        let nine = IndicatorFigure.of(try #require(catalog["caseload-median"]), tally: whole, perValues: Array(perValues.prefix(9)))
        #expect(nine == IndicatorFigure(base: .shown(9), value: nil))
        // The same cell under p90 gives the same tallies: both indicators count the same facts.
        #expect(cell(cells, "caseload-p90", "2026-Q1", [.professional: "p10"]).subjects == 8)
        // p11, running from April: counted up to today's month, June.
        #expect(cell(cells, "caseload-median", "2026-06", [.professional: "p11"]).subjects == 1)
        #expect(cell(cells, "caseload-median", "2026-07", [.professional: "p11"]) == .zero)
    }

    @Test func closedLoopRateSharesTheClosedReferralsWithAKnownOutcome() {
        let history = HouseholdHistory(id: "h1", referrals: [
            referral("r1", sent: "2026-03-02", [(.accepted, "2026-03-04"), (.completed, "2026-03-20")], outcome: "achieved"),
            referral("r2", sent: "2026-03-02", [(.rejected, "2026-03-05")]),
            referral("r3", sent: "2026-03-02", [(.cancelled, "2026-03-08")], outcome: "no-longer-needed"),
            referral("r4", sent: "2026-03-02", [(.accepted, "2026-03-03"), (.failed, "2026-04-01")]),
            referral("r5", sent: "2026-03-02", [(.accepted, "2026-03-03")]),  // still open
        ])
        let cells = tallies([history], today: "2026-06-15")
        let id = "closed-loop-rate"
        // March closed r1 (outcome), r2 (none), r3 (outcome): 2 of 3.
        #expect(cell(cells, id, "2026-03") == Tally(subjects: 3, hits: 2))
        // April closed r4 without an outcome.
        #expect(cell(cells, id, "2026-Q2") == Tally(subjects: 1, hits: 0))
        #expect(cell(cells, id, "2026") == Tally(subjects: 4, hits: 2))
        #expect(cell(cells, id, "2026-03", [.domain: "finances", .organization: "org-b"]) == Tally(subjects: 3, hits: 2))
    }

    /// h1 starts 10 Jan, signs 9 Feb (30 days) and again 1 Apr; h2 starts
    /// 1 Feb, signs 15 Feb (14 days); h3 starts 1 Mar and signs after today;
    /// h4 had an unsigned plan in 2025, then a new one from 2 Feb signed 20 Feb (18 days).
    var signed: [HouseholdHistory] {
        [
            HouseholdHistory(id: "h1", involvements: [involvement("i1", "org-a", days("2026-01-10"))],
                             signatures: [day("2026-04-01"), day("2026-02-09")]),
            HouseholdHistory(id: "h2", involvements: [involvement("i2", "org-a", days("2026-02-01"))], signatures: [day("2026-02-15")]),
            HouseholdHistory(id: "h3", involvements: [involvement("i3", "org-b", days("2026-03-01"))], signatures: [day("2026-07-01")]),
            HouseholdHistory(id: "h4", involvements: [involvement("i4", "org-b", days("2025-10-01", "2025-12-31")),
                                                      involvement("i5", "org-b", days("2026-02-02"))],
                             signatures: [day("2026-02-20")]),
        ]
    }

    @Test func daysToASignedPlanRunFromTheStartOfThatPlan() {
        let cells = tallies(signed, today: "2026-06-15")
        let id = "days-to-signed-plan"
        // Counted on the day of the first signature: all three in February.
        #expect(cell(cells, id, "2026-02") == Tally(subjects: 3, values: [30: 1, 14: 1, 18: 1]))
        #expect(cell(cells, id, "2026-04") == .zero)  // h1's second signature adds nothing
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-b"]) == Tally(subjects: 1, values: [18: 1]))
        #expect(cell(cells, id, "2026-07") == .zero)  // h3 signs after today
    }

    @Test func plansCoSignedShareThePlansStartedThatTheResidentSigned() {
        let cells = tallies(signed, today: "2026-06-15")
        let id = "plans-co-signed"
        // Q1 2026 started h1 (signed), h2 (signed), h3 (not by today), h4's second plan (signed).
        #expect(cell(cells, id, "2026-Q1") == Tally(subjects: 4, hits: 3))
        #expect(cell(cells, id, "2026-03") == Tally(subjects: 1, hits: 0))
        // h4's first plan, in 2025, was never signed.
        #expect(cell(cells, id, "2025-Q4") == Tally(subjects: 1, hits: 0))
        // Once h3 signs, its March plan counts as signed.
        #expect(cell(tallies(signed, today: "2026-07-01"), id, "2026-Q1") == Tally(subjects: 4, hits: 4))
    }

    @Test func plansAreReviewedOnTimeWithinTwoWeeksOfSixMonths() {
        let histories = [
            // Due 10 Jul, signed again 24 Jul: the 14th day, on time.
            HouseholdHistory(id: "h1", involvements: [involvement("i1", "org-a", days("2026-01-01"))],
                             signatures: [day("2026-01-10"), day("2026-07-24")]),
            // Due 10 Jul, signed again 25 Jul: one day too late.
            HouseholdHistory(id: "h2", involvements: [involvement("i2", "org-a", days("2026-01-01"))],
                             signatures: [day("2026-01-10"), day("2026-07-25")]),
            // Due 31 Jul, not signed again by today (1 Aug): late.
            HouseholdHistory(id: "h3", involvements: [involvement("i3", "org-a", days("2026-01-01"))],
                             signatures: [day("2026-01-31")]),
            // 31 Aug + 6 months is 28 Feb; signed again 14 Mar: on time. That version is due 14 Sep, after today.
            HouseholdHistory(id: "h4", involvements: [involvement("i4", "org-a", days("2025-08-01"))],
                             signatures: [day("2025-08-31"), day("2026-03-14")]),
            // The plan ended 30 Jun, before its review was due: no review.
            HouseholdHistory(id: "h5", involvements: [involvement("i5", "org-a", days("2026-01-01", "2026-06-30"))],
                             signatures: [day("2026-01-10")]),
        ]
        let cells = tallies(histories, today: "2026-08-01")
        let id = "plans-reviewed-on-time"
        #expect(cell(cells, id, "2026-07") == Tally(subjects: 3, hits: 1))
        #expect(cell(cells, id, "2026-02") == Tally(subjects: 1, hits: 1))
        #expect(cell(cells, id, "2026") == Tally(subjects: 4, hits: 2))
        #expect(cell(cells, id, "2026-09") == .zero)
        // On 9 July nothing was due yet.
        #expect(cell(tallies(histories, today: "2026-07-09"), id, "2026-07") == .zero)
    }

    @Test func answersCountWorkingDaysSkippingWeekendsAndHolidays() {
        let history = HouseholdHistory(id: "h1", referrals: [
            // Mon 2 Mar → Thu 5 Mar: Tue, Wed, Thu = 3.
            referral("r1", sent: "2026-03-02", [(.accepted, "2026-03-05")]),
            // Fri 6 Mar → Mon 9 Mar: the weekend does not count = 1.
            referral("r2", sent: "2026-03-06", [(.rejected, "2026-03-09")]),
            // Fri 24 Apr → Tue 28 Apr: Mon 27 Apr is King's Day = 1.
            referral("r3", sent: "2026-04-24", [(.rejected, "2026-04-28")]),
            // Thu 2 Apr → Tue 7 Apr: Good Friday is a working day, Easter Monday (6 Apr) is not = 2.
            referral("r4", sent: "2026-04-02", [(.accepted, "2026-04-07")]),
            // Taken in hand the same day (in progress), accepted later: the first answer counts = 0.
            referral("r5", sent: "2026-04-13", [(.inProgress, "2026-04-13"), (.accepted, "2026-04-15")]),
            // No answer yet: no value.
            referral("r6", sent: "2026-04-14"),
            // In 2025 King's Day fell on Sunday and moved to Saturday 26 Apr: Fri 25 → Mon 28 Apr = 1.
            referral("r7", sent: "2025-04-25", [(.accepted, "2025-04-28")]),
        ])
        let cells = tallies([history], today: "2026-06-15")
        let id = "referral-answer-working-days"
        #expect(cell(cells, id, "2026-03") == Tally(subjects: 2, values: [3: 1, 1: 1]))
        #expect(cell(cells, id, "2026-04") == Tally(subjects: 3, values: [1: 1, 2: 1, 0: 1]))
        #expect(cell(cells, id, "2025-04") == Tally(subjects: 1, values: [1: 1]))
        #expect(cell(cells, id, "2026-Q2", [.pillar: "income"]) == Tally(subjects: 3, values: [1: 1, 2: 1, 0: 1]))
    }

    @Test func referralsOverdueShareTheDeadlinesMissed() {
        let history = HouseholdHistory(id: "h1", referrals: [
            referral("r1", sent: "2026-03-02", due: "2026-03-09", [(.accepted, "2026-03-05")]),   // in time
            referral("r2", sent: "2026-03-02", due: "2026-03-09", [(.accepted, "2026-03-12")]),   // late
            referral("r3", sent: "2026-03-09", due: "2026-03-16"),                                // never answered: late
            referral("r4", sent: "2026-03-13", due: "2026-03-20", [(.cancelled, "2026-03-18")]),  // withdrawn: no deadline
            referral("r5", sent: "2026-06-10", due: "2026-06-30"),                                // not due yet
            referral("r6", sent: "2026-03-02", due: "2026-03-09", [(.accepted, "2026-03-09")]),   // on the day: in time
        ])
        let cells = tallies([history], today: "2026-06-15")
        let id = "referrals-overdue"
        // Deadlines in March: r1, r2, r3, r6; missed: r2, r3.
        #expect(cell(cells, id, "2026-03") == Tally(subjects: 4, hits: 2))
        #expect(cell(cells, id, "2026-06") == .zero)
        // On 16 March r3's deadline had not passed yet: it was not counted.
        #expect(cell(tallies([history], today: "2026-03-16"), id, "2026-03") == Tally(subjects: 3, hits: 1))
        // Never answered, r5 counts as missed once its deadline (30 June) has passed.
        #expect(cell(tallies([history], today: "2026-07-01"), id, "2026-06") == Tally(subjects: 1, hits: 1))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
