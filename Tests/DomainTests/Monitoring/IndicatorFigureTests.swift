import Domain
import Testing

/// What a cell may show: `IndicatorFigure` goes through `Suppression`.
@Suite("Indicator figures as published")
struct IndicatorFigureTests: IndicatorTesting {
    func figure(_ id: String, _ tally: Tally) throws -> IndicatorFigure {
        IndicatorFigure.of(try #require(catalog[id]), tally: tally)
    }

    @Test func aSmallCountReadsFewerThanFive() throws {
        let three = try figure("referrals-sent", Tally(subjects: 3))
        #expect(three == IndicatorFigure(base: .fewerThanFive, value: nil))
        #expect(three.base.text == "< 5")
        #expect(try figure("referrals-sent", Tally(subjects: 0)) == IndicatorFigure(base: .shown(0), value: 0))
        #expect(try figure("referrals-sent", Tally(subjects: 5)) == IndicatorFigure(base: .shown(5), value: 5))
        #expect(try figure("households-with-active-plan", Tally(subjects: 12)) == IndicatorFigure(base: .shown(12), value: 12))
    }

    @Test func aShareNeedsABaseOfTenAndNoSmallGroupOnEitherSide() throws {
        // Base 9: too small, whatever the hits.
        #expect(try figure("goals-achieved", Tally(subjects: 9, hits: 5)) == IndicatorFigure(base: .shown(9), value: nil))
        // 2 of 20 would give the two back; so would 18 of 20 (the two outside it).
        #expect(try figure("goals-achieved", Tally(subjects: 20, hits: 2)).value == nil)
        #expect(try figure("goals-achieved", Tally(subjects: 20, hits: 18)).value == nil)
        // 5 of 20: 25 %; none and all are shown.
        #expect(try figure("goals-achieved", Tally(subjects: 20, hits: 5)) == IndicatorFigure(base: .shown(20), value: 25))
        #expect(try figure("goals-achieved", Tally(subjects: 20, hits: 0)).value == 0)
        #expect(try figure("goals-achieved", Tally(subjects: 20, hits: 20)).value == 100)
    }

    @Test func aMedianNeedsTenValues() throws {
        // Ten answers: nearest rank, the median is the 5th (3), the mean 4.
        let ten = Tally(subjects: 10, values: [1: 2, 2: 2, 3: 2, 5: 2, 9: 2])
        #expect(try figure("referral-answer-working-days", ten) == IndicatorFigure(base: .shown(10), value: 3))
        #expect(try figure("days-to-signed-plan", ten).value == 3)
        #expect(try figure("distance-travelled", ten).value == 4)
        // Nine: not shown.
        let nine = Tally(subjects: 9, values: [1: 2, 2: 2, 3: 2, 5: 2, 9: 1])
        #expect(try figure("referral-answer-working-days", nine) == IndicatorFigure(base: .shown(9), value: nil))
        #expect(try figure("distance-travelled", nine).value == nil)
    }

    @Test func desksBeforeHelpShowTheirMedianFromTenHouseholdDomains() throws {
        // Seven took help at the first desk, two at the second, one at the fourth: median 0.
        let tally = Tally(subjects: 10, values: [0: 7, 1: 2, 3: 1])
        #expect(try figure("desks-before-help", tally) == IndicatorFigure(base: .shown(10), value: 0))
    }

    @Test func caseloadCountsProfessionalsNotHouseholds() throws {
        let indicator = try #require(catalog["caseload-median"])
        let households = Tally(subjects: 40)
        let ten = (1...10).map { Tally(subjects: $0) }
        #expect(IndicatorFigure.of(indicator, tally: households, perValues: ten) == IndicatorFigure(base: .shown(10), value: 5))
        // A professional with no household in the period is no professional of it.
        let nine = Array(ten.prefix(9)) + [.zero]
        #expect(IndicatorFigure.of(indicator, tally: households, perValues: nine) == IndicatorFigure(base: .shown(9), value: nil))
        #expect(IndicatorFigure.of(indicator, tally: households, perValues: [Tally(subjects: 3)])
            == IndicatorFigure(base: .fewerThanFive, value: nil))
        // The monitor stores the spread (professionals per caseload) instead of each professional.
        #expect(IndicatorFigure.of(indicator, tally: households, spread: Histogram(1...10)) == IndicatorFigure(base: .shown(10), value: 5))
        #expect(IndicatorFigure.of(try #require(catalog["caseload-p90"]), tally: households, spread: Histogram(counts: [2: 5, 30: 5])!)
            == IndicatorFigure(base: .shown(10), value: 30))
    }
}
