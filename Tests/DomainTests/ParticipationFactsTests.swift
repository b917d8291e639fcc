import Testing
@testable import Domain

/// Issue 24's indicators rest on these facts: worked out by hand for one
/// household, so the monitor's figures can be checked against a person's count.
@Suite("Monitor: the facts of taking part by talent")
struct ParticipationFactsTests {
    static let today = CivilDay("2026-12-03")!
    let extraction = FactExtraction(today: Self.today, pillars: [:])

    static func day(_ iso: String) -> CivilDay { CivilDay(iso)! }

    static func history(placements: [HouseholdHistory.Participation.Placement], ladder: [(String, Int)] = []) -> HouseholdHistory {
        var history = HouseholdHistory(
            id: "h1", neighbourhood: "BU09990101", members: [.init(id: "r1", birth: day("1990-05-01"), relation: "head")],
            assessments: ladder.enumerated().map { index, entry in
                HouseholdHistory.Assessment(id: "a\(index)", resident: "r1", instrument: "participation-ladder", day: day(entry.0), source: "professional",
                                            organization: nil, scores: [.socialParticipation: entry.1])
            })
        let supermarket = HouseholdHistory.Participation.Host(organization: "o1", informal: false)
        history.participation = .init(profiles: [.init(resident: "r1", since: day("2026-01-10"))],
                                      proposals: [.init(id: "p1", resident: "r1", day: day("2026-02-01"), host: supermarket)],
                                      placements: placements)
        return history
    }

    static func placement(_ id: String, started: String, ended: String? = nil, rung: Int? = 4, informal: Bool = false) -> HouseholdHistory.Participation.Placement {
        .init(id: id, resident: "r1", host: .init(organization: informal ? "o2" : "o1", informal: informal), started: day(started), ended: ended.map(day), rungBefore: rung)
    }

    func facts(_ history: HouseholdHistory, _ kind: FactKind) -> [Fact] { extraction.facts(of: history).facts.filter { $0.kind == kind } }

    @Test func aProfileCountsWhileItExistsAndAProposalOnItsDay() {
        let history = Self.history(placements: [])
        let profile = try! #require(facts(history, .participationProfile).first)
        #expect(profile.first == Self.day("2026-01-10") && profile.last == nil && profile.dimensions[.ageBand]?.isEmpty == false)
        let proposal = try! #require(facts(history, .participationProposed).first)
        #expect(proposal.first == Self.day("2026-02-01") && proposal.tags["informal"] == "false" && proposal.dimensions[.organization] == ["o1"])
    }

    @Test func aPlacementIsTaggedOnceTimeHasToldWhetherItLastedAndMovedUp() {
        let history = Self.history(placements: [
            Self.placement("long", started: "2026-02-01"),                       // still going after 6 months; ladder 5 in May
            Self.placement("short", started: "2026-03-01", ended: "2026-04-15", rung: 5),  // stopped within 3 months; 5 in May is no step up
            Self.placement("young", started: "2026-10-01", informal: true),      // 3 months not yet passed
            Self.placement("unknown", started: "2026-01-05", rung: nil),          // no rung before: no move to tell
        ], ladder: [("2026-05-01", 5)])
        let placements = Dictionary(uniqueKeysWithValues: facts(history, .placement).map { ($0.subject, $0) })
        #expect(placements["long"]?.tags == ["informal": "false", "still-3m": "true", "still-6m": "true", "moved-up": "true"])
        #expect(placements["short"]?.tags == ["informal": "false", "still-3m": "false", "still-6m": "false", "moved-up": "false"])
        #expect(placements["young"]?.tags == ["informal": "true"], "nothing is known yet of a placement two months old: \(placements["young"]?.tags ?? [:])")
        #expect(placements["unknown"]?.tags["moved-up"] == nil && placements["unknown"]?.tags["still-6m"] == "true")
        #expect(placements["short"]?.last == Self.day("2026-04-15"))
        // The young placement's three months end on 1 January: the monitor looks again then.
        #expect(extraction.facts(of: history).recheck == Self.day("2027-01-01"))
    }

    @Test func theShippedIndicatorsAskOnlyForWhatTheseFactsCarry() {
        for kind in [FactKind.participationProfile, .participationProposed, .placement] {
            #expect(!kind.dimensions.isEmpty)
        }
        #expect(FactKind.placement.tags == ["informal", "still-3m", "still-6m", "moved-up"])
    }
}
