import Domain
import Testing

/// "Is anyone better off?": each indicator on a small history worked out by hand.
@Suite("Indicators on hand-made histories: better off")
struct IndicatorBetterOffTests: IndicatorTesting {
    @Test func desksBeforeHelpCountDistinctOtherReceiversBeforeTheFirstThatTookItOn() {
        let histories = [
            HouseholdHistory(id: "h1", referrals: [
                // Finances: org-b turns it down, org-c's is withdrawn, org-b again turns it down,
                // then org-d accepts on 4 March: two other desks (org-b once, org-c).
                referral("r1", [.finances], to: "org-b", sent: "2026-02-02", [(.rejected, "2026-02-05")]),
                referral("r2", [.finances], to: "org-c", sent: "2026-02-09", [(.cancelled, "2026-02-10")]),
                referral("r3", [.finances], to: "org-b", sent: "2026-02-16", [(.rejected, "2026-02-18")]),
                // Also the first housing referral: no desk before it there.
                referral("r4", [.finances, .housing], to: "org-d", sent: "2026-03-02", [(.accepted, "2026-03-04")]),
                // Justice: turned down, nobody took it on: no figure.
                referral("r5", [.justice], to: "org-e", sent: "2026-03-02", [(.rejected, "2026-03-03")]),
                // Mental health: accepted only after today: no figure yet.
                referral("r6", [.mentalHealth], to: "org-f", sent: "2026-03-02", [(.rejected, "2026-03-03")]),
                referral("r7", [.mentalHealth], to: "org-g", sent: "2026-03-09", [(.accepted, "2026-07-01")]),
            ]),
            HouseholdHistory(id: "h2", referrals: [
                // org-b turned it down, then took on a second referral: the same desk, so 0 others.
                referral("r8", [.finances], to: "org-b", sent: "2026-03-02", [(.rejected, "2026-03-03")]),
                referral("r9", [.finances], to: "org-b", sent: "2026-03-04", [(.accepted, "2026-03-05")]),
            ]),
        ]
        let cells = tallies(histories, today: "2026-06-15")
        let id = "desks-before-help"
        // March: h1 finances (2), h1 housing (0), h2 finances (0).
        #expect(cell(cells, id, "2026-03") == Tally(subjects: 3, values: [2: 1, 0: 2]))
        #expect(cell(cells, id, "2026-03", [.domain: "finances"]) == Tally(subjects: 2, values: [2: 1, 0: 1]))
        #expect(cell(cells, id, "2026-03", [.domain: "housing"]) == Tally(subjects: 1, values: [0: 1]))
        #expect(cell(cells, id, "2026-03", [.pillar: "income", .organization: "org-d"]) == Tally(subjects: 1, values: [2: 1]))
        #expect(cell(cells, id, "2026-03", [.domain: "justice"]) == .zero)
        #expect(cell(cells, id, "2026-03", [.domain: "mental_health"]) == .zero)
        #expect(cell(cells, id, "2026-02") == .zero)
        // Once org-g accepts (1 July), mental health counts there, after one other desk.
        let later = tallies(histories, today: "2026-07-01")
        #expect(cell(later, id, "2026-07") == Tally(subjects: 1, values: [1: 1]))
    }

    /// Resident res-1 on the matrix: 10 Jan finances 2, housing 4, justice 3;
    /// 10 Mar finances 3; 5 May finances 4, housing 3, justice 3, mental health 2.
    /// A ladder on 1 Apr is not a matrix and changes nothing here.
    var travelled: HouseholdHistory {
        HouseholdHistory(id: "hA", members: [head("res-1", born: "1990-03-01")], assessments: [
            matrix("a1", "res-1", on: "2026-01-10", [.finances: 2, .housing: 4, .justice: 3]),
            matrix("a2", "res-1", on: "2026-03-10", [.finances: 3]),
            matrix("a3", "res-1", on: "2026-05-05", [.finances: 4, .housing: 3, .justice: 3, .mentalHealth: 2]),
            ladder("a4", "res-1", on: "2026-04-01", rung: 3),
        ])
    }

    @Test func distanceTravelledIsLatestMinusFirstPerDomain() throws {
        let cells = tallies([travelled], today: "2026-06-15")
        let id = "distance-travelled"
        // Finances 2 → 4: +2; housing 4 → 3: −1; justice 3 → 3: 0; mental health once: none.
        let may = cell(cells, id, "2026-05")
        #expect(may == Tally(subjects: 3, values: [2: 1, -1: 1, 0: 1]))
        #expect(may.histogram?.mean == 1.0 / 3)
        #expect(cell(cells, id, "2026-05", [.domain: "finances"]) == Tally(subjects: 1, values: [2: 1]))
        #expect(cell(cells, id, "2026-05", [.pillar: "services"]) == Tally(subjects: 2, values: [-1: 1, 0: 1]))
        #expect(cell(cells, id, "2026-05", [.ageBand: "27-44", .domain: "housing"]) == Tally(subjects: 1, values: [-1: 1]))
        // On 1 April only finances had two scores (2 → 3, on 10 March); May's are after that day.
        let april = tallies([travelled], today: "2026-04-01")
        #expect(cell(april, id, "2026-03") == Tally(subjects: 1, values: [1: 1]))
        #expect(cell(april, id, "2026-05") == .zero)
        // Three domain changes are too few to publish their mean.
        let figure = IndicatorFigure.of(try #require(catalog[id]), tally: cell(cells, id, "2026-Q2"))
        #expect(figure == IndicatorFigure(base: .fewerThanFive, value: nil))
    }

    @Test func improvedOnADomainSharesTheLowDomainsThatWentUp() {
        let cells = tallies([travelled], today: "2026-06-15")
        let id = "improved-on-a-domain"
        // Low at first (1–3): finances (2, went up) and justice (3, stayed). Housing began at 4: left out.
        // A share's cell keeps the values too (+2 and 0 points): they come with the facts.
        #expect(cell(cells, id, "2026-05") == Tally(subjects: 2, hits: 1, values: [2: 1, 0: 1]))
        #expect(cell(cells, id, "2026-05", [.domain: "justice"]) == Tally(subjects: 1, hits: 0, values: [0: 1]))
        #expect(cell(cells, id, "2026-05", [.domain: "housing"]) == .zero)
    }

    @Test func residentsImprovedShareThoseWithALowDomainWhoMovedUpOnOne() {
        let histories = [
            travelled,  // res-1: finances began at 2 and went up.
            HouseholdHistory(id: "hB", members: [head("res-2"), head("res-3")], assessments: [
                // res-2 began at 4 and 5: no low domain, left out.
                matrix("b1", "res-2", on: "2026-01-10", [.finances: 4, .housing: 5]),
                matrix("b2", "res-2", on: "2026-05-06", [.finances: 5, .housing: 5]),
                // res-3 began at 1 and stayed there.
                matrix("b3", "res-3", on: "2026-01-12", [.finances: 1]),
                matrix("b4", "res-3", on: "2026-05-07", [.finances: 1]),
            ]),
        ]
        let cells = tallies(histories, today: "2026-06-15")
        let id = "residents-improved"
        #expect(cell(cells, id, "2026-05") == Tally(subjects: 2, hits: 1))
        #expect(cell(cells, id, "2026") == Tally(subjects: 2, hits: 1))
        // hB has two adults and no children: a couple.
        #expect(cell(cells, id, "2026-05", [.composition: "couple"]) == Tally(subjects: 1, hits: 0))
        #expect(cell(cells, id, "2026-05", [.composition: "single"]) == Tally(subjects: 1, hits: 1))
    }

    @Test func movedUpTheLadderComparesTheLatestRungWithTheFirst() {
        let history = HouseholdHistory(id: "hC", members: [head("res-1"), head("res-2"), head("res-3")], assessments: [
            ladder("l1", "res-1", on: "2026-02-01", rung: 2), ladder("l2", "res-1", on: "2026-04-01", rung: 4),  // up
            ladder("l3", "res-2", on: "2026-02-02", rung: 3), ladder("l4", "res-2", on: "2026-04-02", rung: 3),  // same
            ladder("l5", "res-3", on: "2026-04-03", rung: 1),                                                     // once
            matrix("m1", "res-3", on: "2026-04-04", [.socialParticipation: 5]),                                  // not a ladder
        ])
        let cells = tallies([history], today: "2026-06-15")
        #expect(cell(cells, "moved-up-ladder", "2026-04") == Tally(subjects: 2, hits: 1))
        #expect(cell(cells, "moved-up-ladder", "2026-02") == .zero)
        // A later step down: the latest rung (1) is below the first (2).
        let down = HouseholdHistory(id: "hD", members: [head("res-4")], assessments: [
            ladder("d1", "res-4", on: "2026-02-01", rung: 2), ladder("d2", "res-4", on: "2026-03-01", rung: 5),
            ladder("d3", "res-4", on: "2026-04-01", rung: 1),
        ])
        #expect(cell(tallies([down], today: "2026-06-15"), "moved-up-ladder", "2026-Q2") == Tally(subjects: 1, hits: 0))
    }

    @Test func goalsAchievedShareTheClosedGoalsReached() {
        let history = HouseholdHistory(id: "h1", goals: [
            .init(id: "g1", domain: .finances, status: "achieved", closed: day("2026-03-10")),
            .init(id: "g2", domain: .housing, status: "not_achieved", closed: day("2026-03-12")),
            .init(id: "g3", domain: .finances, status: "partly_achieved", closed: day("2026-03-20")),
            .init(id: "g4", domain: .finances, status: "open", closed: nil),
            .init(id: "g5", domain: .finances, status: "achieved", closed: day("2026-07-01")),  // after today
        ])
        let cells = tallies([history], today: "2026-06-15")
        let id = "goals-achieved"
        #expect(cell(cells, id, "2026-03") == Tally(subjects: 3, hits: 1))
        #expect(cell(cells, id, "2026-03", [.domain: "finances"]) == Tally(subjects: 2, hits: 1))
        #expect(cell(cells, id, "2026-03", [.pillar: "services"]) == Tally(subjects: 1, hits: 0))
        #expect(cell(cells, id, "2026") == Tally(subjects: 3, hits: 1))
    }

    @Test func reEntryIsANewPlanWithin365DaysOfTheEnd() {
        let histories = [
            // Ended 31 Mar 2025, new plan 1 Mar 2026: 335 days, a re-entry.
            HouseholdHistory(id: "h1", involvements: [involvement("i1", "org-a", days("2025-01-01", "2025-03-31")),
                                                      involvement("i2", "org-a", days("2026-03-01"))]),
            // New plan 1 Apr 2026: 366 days, not a re-entry.
            HouseholdHistory(id: "h2", involvements: [involvement("i3", "org-a", days("2025-01-10", "2025-03-31")),
                                                      involvement("i4", "org-a", days("2026-04-01"))]),
            // No new plan.
            HouseholdHistory(id: "h3", involvements: [involvement("i5", "org-a", days("2025-01-01", "2025-03-31"))]),
            // New plan 31 Mar 2026: exactly 365 days, a re-entry.
            HouseholdHistory(id: "h4", involvements: [involvement("i6", "org-b", days("2025-02-01", "2025-03-31")),
                                                      involvement("i7", "org-b", days("2026-03-31"))]),
            // The next day another organisation took over: one plan that has not ended.
            HouseholdHistory(id: "h5", involvements: [involvement("i8", "org-a", days("2025-02-01", "2025-03-31")),
                                                      involvement("i9", "org-c", days("2025-04-01"))]),
        ]
        let cells = tallies(histories, today: "2026-06-15")
        let id = "re-entry"
        #expect(cell(cells, id, "2025-03") == Tally(subjects: 4, hits: 2))
        #expect(cell(cells, id, "2025-03", [.organization: "org-b"]) == Tally(subjects: 1, hits: 1))
        #expect(cell(cells, id, "2026") == .zero)  // the new plans still run
        // Before h1's new plan began, its end was not (yet) a re-entry.
        #expect(cell(tallies(histories, today: "2026-02-28"), id, "2025-03") == Tally(subjects: 4, hits: 0))
    }
}
