import Domain
import Foundation
import Testing

@Suite("Impact agreements: status against target, sides, note revisions")
struct AgreementRulesTests {
    @Test(arguments: [
        // higher is better, target 90: reached, within a tenth short, further short
        (95.0, 90.0, IndicatorDefinition.Direction.higher, TargetStatus.onTrack),
        (90.0, 90.0, .higher, .onTrack),
        (81.0, 90.0, .higher, .atRisk),
        (80.9, 90.0, .higher, .offTrack),
        // lower is better, target 10 days: under, at most a day over, more
        (8.0, 10.0, .lower, .onTrack),
        (11.0, 10.0, .lower, .atRisk),
        (11.5, 10.0, .lower, .offTrack),
        // a target of zero leaves no margin
        (0.0, 0.0, .lower, .onTrack),
        (1.0, 0.0, .lower, .offTrack),
    ])
    func statusFollowsTheStatedRule(value: Double, target: Double, direction: IndicatorDefinition.Direction, expected: TargetStatus) {
        #expect(TargetStatus.of(value: value, target: target, direction: direction) == expected)
    }

    @Test func aWithheldFigureIsNotJudged() {
        #expect(TargetStatus.of(value: nil, target: 90, direction: .higher) == .unknown)
        #expect(TargetStatus.of(value: .nan, target: 90, direction: .higher) == .unknown)
    }

    @Test func onlyTheMunicipalityAndThePartnersOwnManagersTakePart() {
        let partner = UUID(), other = UUID()
        #expect(AgreementSide.of(role: .analyst, isManager: false, organization: nil, partner: partner) == .municipality)
        #expect(AgreementSide.of(role: .tenantAdmin, isManager: false, organization: nil, partner: partner) == .municipality)
        #expect(AgreementSide.of(role: .professional, isManager: true, organization: partner, partner: partner) == .partner)
        #expect(AgreementSide.of(role: .professional, isManager: true, organization: other, partner: partner) == nil)
        #expect(AgreementSide.of(role: .professional, isManager: false, organization: partner, partner: partner) == nil)
        for role in [Role.resident, .volunteer, .privacyOfficer, .platformAdmin] {
            #expect(AgreementSide.of(role: role, isManager: true, organization: partner, partner: partner) == nil)
        }
    }

    @Test func aThreadReadsEachNotesLastWordingInTheOrderFirstWritten() {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        let story = NoteRevision(id: UUID(), replaces: nil, createdAt: t0)
        let reply = NoteRevision(id: UUID(), replaces: nil, createdAt: t0.addingTimeInterval(60))
        let storyEdited = NoteRevision(id: UUID(), replaces: story.id, createdAt: t0.addingTimeInterval(120))
        let storyEditedAgain = NoteRevision(id: UUID(), replaces: storyEdited.id, createdAt: t0.addingTimeInterval(180))
        let thread = NoteRevisions.current([reply, storyEditedAgain, story, storyEdited])
        #expect(thread.map(\.current) == [storyEditedAgain, reply])
        #expect(thread.map(\.postedAt) == [t0, t0.addingTimeInterval(60)])
        #expect(thread.map(\.edits) == [2, 0])
    }

    @Test func twoSuccessorsOfOneRevisionAreBothKept() {
        let t0 = Date(timeIntervalSince1970: 0)
        let first = NoteRevision(id: UUID(), replaces: nil, createdAt: t0)
        let a = NoteRevision(id: UUID(), replaces: first.id, createdAt: t0.addingTimeInterval(1))
        let b = NoteRevision(id: UUID(), replaces: first.id, createdAt: t0.addingTimeInterval(2))
        #expect(Set(NoteRevisions.current([first, a, b]).map(\.current)) == [a, b])
    }
}

@Suite("Numbers as people type them")
struct DecimalReadingTests {
    @Test(arguments: [("90", 90.0), ("90,5", 90.5), ("90.5", 90.5), (" 90 % ", 90.0), ("-2,5", -2.5), ("0", 0.0)])
    func readsDutchAndEnglishDecimals(typed: String, expected: Double) {
        var validator = FormValidator()
        #expect(validator.decimal("target", typed, in: -100...100) == expected)
        #expect(validator.isValid)
    }

    @Test(arguments: [("", "validation.required"), ("negentig", "validation.number_invalid"), ("9,0,1", "validation.number_invalid"),
                      ("1e3", "validation.number_invalid"), ("101", "validation.number_out_of_range"), ("nan", "validation.number_invalid")])
    func refusesByName(typed: String, key: String) {
        var validator = FormValidator()
        #expect(validator.decimal("target", typed, in: -100...100) == nil)
        #expect(validator.issues == [ValidationIssue(field: "target", messageKey: key)])
    }
}
