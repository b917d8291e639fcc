import Domain
import Foundation
import Testing

@Suite("Scoring and distance travelled")
struct AssessmentRulesTests {
    static func matrix() throws -> Instrument {
        try #require(try InstrumentCatalog.load(try InstrumentTests.shipped()).instrument("self-sufficiency-matrix"))
    }

    @Test func scoresOnTheScaleAreAccepted() throws {
        let (checked, issues) = AssessmentRules.check(try Self.matrix(), scores: ["finances": "2", "housing": " 5 ", "justice": ""], reason: " Schuldhulpvraag ", reasonRequired: true)
        #expect(issues.isEmpty)
        #expect(checked?.scores == ["finances": 2, "housing": 5])
        #expect(checked?.reason == "Schuldhulpvraag")
    }

    @Test func badInputIsNamed() throws {
        let matrix = try Self.matrix()
        let check = { (scores: [String: String], reason: String?) in AssessmentRules.check(matrix, scores: scores, reason: reason, reasonRequired: true) }
        #expect(check(["finances": "6"], "r").1 == [ValidationIssue(field: "score-finances", messageKey: "assessment.out_of_scale")])
        #expect(check(["finances": "0"], "r").1.map(\.messageKey) == ["assessment.out_of_scale"])
        #expect(check(["finances": "drie"], "r").1.map(\.messageKey) == ["assessment.out_of_scale"])
        #expect(check(["money": "3"], "r").1 == [ValidationIssue(field: "scores", messageKey: "assessment.unknown_item")])
        #expect(check([:], "r").1.map(\.messageKey) == ["assessment.no_items"])
        #expect(check(["finances": ""], "r").1.map(\.messageKey) == ["assessment.no_items"])
        #expect(check(["finances": "3"], "  ").1 == [ValidationIssue(field: "reason", messageKey: "validation.required")])
        #expect(AssessmentRules.check(matrix, scores: ["finances": "3"], reason: nil, reasonRequired: false).0?.scores == ["finances": 3])
    }

    @Test func distanceRunsFromTheFirstToTheLatestScorePerItem() {
        let occasions = [
            ScoredOccasion(day: "2026-05-11", scores: ["finances": 2, "housing": 4]),
            ScoredOccasion(day: "2026-01-12", scores: ["finances": 1]),
            ScoredOccasion(day: "2026-09-14", scores: ["finances": 4, "justice": 5]),
        ]
        let distance = OutcomeProgress.distance(occasions)
        #expect(distance["finances"] == Distance(itemID: "finances", firstDay: "2026-01-12", first: 1, latestDay: "2026-09-14", latest: 4))
        #expect(distance["finances"]?.change == 3)
        #expect(distance["housing"]?.change == 0)
        #expect(distance["justice"]?.first == 5)
        #expect(distance["mental_health"] == nil)
        let falling = OutcomeProgress.distance([ScoredOccasion(day: "2026-01-01", scores: ["housing": 4]), ScoredOccasion(day: "2026-01-01", scores: ["housing": 2])])
        #expect(falling["housing"]?.change == -2)
    }

    @Test func latestTwoAndDisagreements() {
        let (latest, previous) = OutcomeProgress.latestTwo([
            ScoredOccasion(day: "2026-09-14", scores: ["finances": 3]), ScoredOccasion(day: "2026-01-12", scores: ["finances": 1]),
            ScoredOccasion(day: "2026-05-11", scores: ["finances": 2]),
        ])
        #expect(latest?.day == "2026-09-14" && previous?.day == "2026-05-11")
        #expect(OutcomeProgress.latestTwo([]).latest == nil)
        #expect(OutcomeProgress.disagreements(professional: ["finances": 3, "housing": 4, "justice": 5], own: ["finances": 2, "housing": 4, "time_use": 1]) == ["finances"])
    }
}
