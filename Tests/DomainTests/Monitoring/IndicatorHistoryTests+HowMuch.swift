import Domain
import Testing

/// "How much did we do?": each indicator on a small history worked out by hand.
@Suite("Indicators on hand-made histories: how much")
struct IndicatorHowMuchTests: IndicatorTesting {
    static let buurt = "BU03630105"

    /// h1 Jan 20–Mar 10; h2 from May 10, still running; h3 Jan 5–31, a gap
    /// in February, again from 1 March; h4 starts after today.
    var plans: [HouseholdHistory] {
        [
            HouseholdHistory(id: "h1", neighbourhood: Self.buurt, members: [head("m1")],
                             involvements: [involvement("i1", "org-a", days("2026-01-20", "2026-03-10"), coordinator: true)]),
            HouseholdHistory(id: "h2", involvements: [involvement("i2", "org-b", days("2026-05-10"))]),
            HouseholdHistory(id: "h3", involvements: [involvement("i3", "org-a", days("2026-01-05", "2026-01-31")),
                                                      involvement("i4", "org-c", days("2026-03-01"))]),
            HouseholdHistory(id: "h4", involvements: [involvement("i5", "org-a", days("2026-07-01"))]),
        ]
    }

    @Test func householdsWithAnActivePlanCountOncePerPeriod() {
        let cells = tallies(plans, today: "2026-06-15")
        let id = "households-with-active-plan"
        // January: h1 and h3. February: only h1 (h3 had a gap). March: h1 and h3 again.
        #expect(cell(cells, id, "2026-01").subjects == 2)
        #expect(cell(cells, id, "2026-02").subjects == 1)
        #expect(cell(cells, id, "2026-03").subjects == 2)
        // The quarter counts distinct households, not 2 + 1 + 2.
        #expect(cell(cells, id, "2026-Q1") == Tally(subjects: 2))
        // h2 from May, running: May and June (today's month), not July.
        #expect(cell(cells, id, "2026-04").subjects == 1)  // h3
        #expect(cell(cells, id, "2026-06").subjects == 2)  // h2, h3
        #expect(cell(cells, id, "2026-07") == .zero)
        #expect(cell(cells, id, "2026-Q3") == .zero)
        // h4 starts after today: nowhere. The year: h1, h2, h3.
        #expect(cell(cells, id, "2026").subjects == 3)
        // h1 counts under its coordinator org-a; h3 under org-a in its first plan, org-c in its second.
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-a"]).subjects == 2)
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-c"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.neighbourhood: Self.buurt]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.district: "WK036301"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.district: "WK036301", .composition: "single"]).subjects == 1)
    }

    @Test func newPlansCountWhereTheyStart() {
        let cells = tallies(plans, today: "2026-06-15")
        let id = "new-plans"
        #expect(cell(cells, id, "2026-01").subjects == 2)  // h1, h3
        #expect(cell(cells, id, "2026-02") == .zero)
        #expect(cell(cells, id, "2026-03").subjects == 1)  // h3's second plan
        // h3 started twice in the quarter; it is one household.
        #expect(cell(cells, id, "2026-Q1").subjects == 2)
        #expect(cell(cells, id, "2026-05").subjects == 1)  // h2
        #expect(cell(cells, id, "2026-07") == .zero)       // h4: after today
        #expect(cell(cells, id, "2026").subjects == 3)
    }

    @Test func residentsReachedCountEachMemberWithAgeBandAtTheStart() {
        let histories = [
            // Mother (45 on 1 February) and son (11): a single-parent household, 1 Feb – 30 Apr.
            HouseholdHistory(id: "h5", members: [head("m5a", born: "1980-05-01"),
                                                 .init(id: "m5b", birth: day("2015-02-01"), relation: "child")],
                             involvements: [involvement("i5", "org-a", days("2026-02-01", "2026-04-30"))]),
            // 25 on 15 March (26 only on 20 June), from 15 March, running.
            HouseholdHistory(id: "h6", members: [head("m6", born: "2000-06-20")],
                             involvements: [involvement("i6", "org-b", days("2026-03-15"))]),
        ]
        let cells = tallies(histories, today: "2026-06-15")
        let id = "residents-reached"
        #expect(cell(cells, id, "2026-02").subjects == 2)
        #expect(cell(cells, id, "2026-03").subjects == 3)
        #expect(cell(cells, id, "2026-Q1").subjects == 3)
        #expect(cell(cells, id, "2026-05").subjects == 1)  // h5 ended in April
        #expect(cell(cells, id, "2026-Q2").subjects == 3)
        #expect(cell(cells, id, "2026-Q1", [.ageBand: "45-66"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.ageBand: "0-17"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.ageBand: "18-26"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.composition: "single-parent"]).subjects == 2)
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-a", .ageBand: "0-17"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-b", .composition: "single"]).subjects == 1)
    }

    @Test func partnerInvolvementsCountOnlyWithAConsentThatOverlaps() {
        let history = HouseholdHistory(
            id: "h7",
            involvements: [
                involvement("i1", "gemeente", days("2026-01-01"), municipality: true, coordinator: true),
                involvement("i2", "org-b", days("2026-01-10", "2026-03-31"), domains: [.finances]),
                involvement("i3", "org-c", days("2026-02-01"), domains: [.housing]),
                involvement("i4", "org-d", days("2026-03-01"), domains: [.mentalHealth]),
                involvement("i5", "org-e", days("2026-04-15"), domains: [.workAndEducation, .timeUse]),
            ],
            consents: [
                .init(organization: "org-b", domains: [.finances], days: days("2026-01-01", "2026-12-31")),
                .init(organization: "org-d", domains: [.mentalHealth], days: days("2025-01-01", "2025-12-31")),
                .init(organization: "org-e", domains: [.workAndEducation], days: days("2026-05-01")),
                .init(organization: "gemeente", domains: [.finances], days: days("2026-01-01")),
            ])
        let cells = tallies([history], today: "2026-06-15")
        let id = "partner-involvements-with-consent"
        // The municipality is not a partner; org-c has no consent; org-d's expired before it came.
        // Q1: only i2 (org-b, finances → income).
        #expect(cell(cells, id, "2026-Q1") == Tally(subjects: 1))
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-b"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.pillar: "income"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q1", [.organization: "org-c"]) == .zero)
        // Q2: i5, whose consent (from 1 May) overlaps it, so it counts from its own start in April.
        #expect(cell(cells, id, "2026-04").subjects == 1)
        #expect(cell(cells, id, "2026-Q2").subjects == 1)
        // Two domains in one pillar (work): once in the pillar, once in each domain.
        #expect(cell(cells, id, "2026-Q2", [.pillar: "work"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q2", [.domain: "work_education"]).subjects == 1)
        #expect(cell(cells, id, "2026-Q2", [.domain: "time_use"]).subjects == 1)
        #expect(cell(cells, id, "2026-07") == .zero)
        #expect(cell(cells, id, "2026").subjects == 2)
    }

    var referrals: HouseholdHistory {
        HouseholdHistory(id: "h8", neighbourhood: Self.buurt, referrals: [
            referral("r1", [.finances, .housing], to: "org-b", sent: "2026-03-02",
                     [(.accepted, "2026-03-04"), (.completed, "2026-05-20")], outcome: "achieved"),
            referral("r2", [.finances], to: "org-c", sent: "2026-03-20", [(.rejected, "2026-03-23")]),
            // Accepted, put on hold, accepted again: one acceptance, in April.
            referral("r3", [.housing], to: "org-b", sent: "2026-03-30",
                     [(.accepted, "2026-04-02"), (.onHold, "2026-04-10"), (.accepted, "2026-04-20")]),
            referral("r4", [.finances], to: "org-d", sent: "2026-06-20"),                      // after today
            referral("r5", [.finances], to: "org-c", sent: "2026-03-05", [(.enteredInError, "2026-03-06")]),
            referral("r6", [.finances], to: "org-c", sent: nil),                               // a draft
            referral("r7", [.justice], to: "org-e", sent: "2026-05-04", [(.accepted, "2026-06-20")]),
        ])
    }

    @Test func referralsSentCountOnceInTheWholeAndOnceInEachDomain() {
        let cells = tallies([referrals], today: "2026-06-15")
        let id = "referrals-sent"
        // March: r1, r2, r3 (r5 was entered in error, r6 never sent).
        #expect(cell(cells, id, "2026-03") == Tally(subjects: 3))
        // r1 is in finances and housing: the domains add up to 4, the whole is 3.
        #expect(cell(cells, id, "2026-03", [.domain: "finances"]).subjects == 2)  // r1, r2
        #expect(cell(cells, id, "2026-03", [.domain: "housing"]).subjects == 2)   // r1, r3
        #expect(cell(cells, id, "2026-03", [.pillar: "income"]).subjects == 2)    // r1, r2
        #expect(cell(cells, id, "2026-03", [.pillar: "services"]).subjects == 2)  // r1, r3
        #expect(cell(cells, id, "2026-03", [.organization: "org-b"]).subjects == 2)
        #expect(cell(cells, id, "2026-03", [.domain: "finances", .organization: "org-c"]).subjects == 1)
        #expect(cell(cells, id, "2026-03", [.neighbourhood: Self.buurt, .domain: "housing"]).subjects == 2)
        #expect(cell(cells, id, "2026-05").subjects == 1)  // r7
        #expect(cell(cells, id, "2026-06") == .zero)       // r4 goes out after today
        #expect(cell(cells, id, "2026").subjects == 4)
    }

    @Test func referralsAcceptedCountTheFirstAcceptanceByToday() {
        let cells = tallies([referrals], today: "2026-06-15")
        let id = "referrals-accepted"
        #expect(cell(cells, id, "2026-03").subjects == 1)  // r1 on 4 March
        #expect(cell(cells, id, "2026-04").subjects == 1)  // r3, once though accepted twice
        #expect(cell(cells, id, "2026-06") == .zero)       // r7 is accepted after today
        #expect(cell(cells, id, "2026").subjects == 2)
        #expect(cell(cells, id, "2026-Q1", [.domain: "housing"]).subjects == 1)
    }

    @Test func referralsCompletedCountWhenTheHelpWasGiven() {
        let cells = tallies([referrals], today: "2026-06-15")
        let id = "referrals-completed"
        #expect(cell(cells, id, "2026-05") == Tally(subjects: 1))  // r1 on 20 May
        #expect(cell(cells, id, "2026-05", [.domain: "finances"]).subjects == 1)
        #expect(cell(cells, id, "2026-05", [.domain: "housing"]).subjects == 1)
        #expect(cell(cells, id, "2026-03") == .zero)
        // Before 20 May nothing was completed yet.
        #expect(cell(tallies([referrals], today: "2026-05-19"), id, "2026-05") == .zero)
    }

    var assessed: HouseholdHistory {
        HouseholdHistory(id: "h9", members: [head("m9", born: "1990-03-01")], assessments: [
            matrix("a1", "m9", on: "2026-03-03", [.finances: 2]),
            matrix("a2", "m9", on: "2026-03-10", source: "self", [.finances: 3]),
            ladder("a3", "m9", on: "2026-03-20", rung: 2),
            matrix("a4", "m9", on: "2026-07-01", source: "self", [.finances: 4]),  // after today
        ])
    }

    @Test func assessmentsDoneCountEveryInstrumentAndSource() {
        let cells = tallies([assessed], today: "2026-06-15")
        let id = "assessments-done"
        // a1, a2, a3 in March (a4 is after today); m9 was 36 on each day.
        #expect(cell(cells, id, "2026-03") == Tally(subjects: 3))
        #expect(cell(cells, id, "2026-03", [.ageBand: "27-44"]).subjects == 3)
        #expect(cell(cells, id, "2026-03", [.organization: "org-a", .ageBand: "27-44"]).subjects == 3)
        #expect(cell(cells, id, "2026-07") == .zero)
    }

    @Test func selfAssessmentsCountOnlyWhatResidentsFilledIn() {
        let cells = tallies([assessed], today: "2026-06-15")
        #expect(cell(cells, "self-assessments-done", "2026-03") == Tally(subjects: 1))  // a2
        #expect(cell(cells, "self-assessments-done", "2026") == Tally(subjects: 1))     // a4 is after today
        #expect(cell(tallies([assessed], today: "2026-07-01"), "self-assessments-done", "2026").subjects == 2)
    }
}
