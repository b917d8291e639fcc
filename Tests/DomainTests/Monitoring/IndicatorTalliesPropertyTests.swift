import Domain
import Foundation
import PropertyBased
import Testing

/// Tallies add up over households and subtract, so a refresh may apply the
/// difference one household makes without reading anyone else's.
@Suite("Indicator tallies add and subtract")
struct IndicatorTalliesPropertyTests: IndicatorTesting {
    /// Each number becomes one record of a household's history.
    static let records = Gen.int(in: 0...999_999_999).array(of: 0...14)
    static let today = "2026-06-15"

    static let organizations = ["org-a", "org-b", "org-c"]
    static let statuses = ["open", "achieved", "partly_achieved", "not_achieved", "dropped"]
    static let domains = LifeDomain.allCases

    /// A random but deterministic history: every id starts with the household's,
    /// so two households never share a subject.
    func history(_ id: String, _ records: [Int]) -> HouseholdHistory {
        let start = day("2025-09-01")
        let members: [HouseholdHistory.Member] = [
            .init(id: "\(id)-m1", birth: day("1980-05-01"), relation: "head"),
            .init(id: "\(id)-m2", birth: day("2012-11-30"), relation: "child"),
        ]
        var involvements: [HouseholdHistory.Involvement] = [], referrals: [HouseholdHistory.Referral] = []
        var assessments: [HouseholdHistory.Assessment] = [], goals: [HouseholdHistory.Goal] = []
        var consents: [HouseholdHistory.Consent] = [], signatures: [CivilDay] = []
        for (index, n) in records.enumerated() {
            let (kind, a, b, c) = (n % 6, (n / 6) % 330, (n / 1_980) % 60, n / 118_800)
            let first = start.adding(days: a)
            let organization = Self.organizations[c % 3]
            let domain = Self.domains[c % Self.domains.count]
            let other = Self.domains[(c / 13) % Self.domains.count]
            let rid = "\(id)-\(index)"
            switch kind {
            case 0:
                involvements.append(.init(id: rid, organization: organization, isMunicipality: c % 5 == 0, isCoordinator: c % 3 == 0,
                                          domains: [domain, other], days: DayRange(first: first, last: b < 20 ? nil : first.adding(days: b * 3))!,
                                          contactUser: c % 2 == 0 ? "p\(c % 4)" : nil))
            case 1:
                let step = first.adding(days: b % 12)
                let steps: [HouseholdHistory.Referral.Step] = switch c % 6 {
                case 0: []
                case 1: [.init(.accepted, on: step)]
                case 2: [.init(.rejected, on: step, outcome: "no-capacity")]
                case 3: [.init(.accepted, on: step), .init(.completed, on: step.adding(days: b), outcome: b % 2 == 0 ? "achieved" : nil)]
                case 4: [.init(.cancelled, on: step)]
                default: [.init(.inProgress, on: step), .init(.enteredInError, on: step.adding(days: 1))]
                }
                referrals.append(.init(id: rid, domains: b % 3 == 0 ? [domain, other] : [domain], requester: "org-a",
                                       receiver: organization, sent: b % 10 == 9 ? nil : first, due: first.adding(days: 5 + b % 7),
                                       steps: steps))
            case 2:
                let ladder = c % 2 == 0
                assessments.append(.init(id: rid, resident: members[(c / 2) % 2].id,
                                         instrument: ladder ? "participation-ladder" : "self-sufficiency-matrix", day: first,
                                         source: c % 3 == 0 ? "self" : "professional", organization: c % 4 == 0 ? nil : organization,
                                         scores: ladder ? [.socialParticipation: 1 + b % 6]
                                             : Dictionary([(domain, 1 + b % 5), (other, 1 + (b / 5) % 5)]) { first, _ in first }))
            case 3:
                let status = Self.statuses[c % Self.statuses.count]
                goals.append(.init(id: rid, domain: domain, status: status, closed: status == "open" ? nil : first))
            case 4:
                signatures.append(first)
            default:
                consents.append(.init(organization: organization, domains: [domain], days: DayRange(first: first, last: first.adding(days: b * 5))!))
            }
        }
        return HouseholdHistory(id: id, neighbourhood: records.count % 2 == 0 ? "BU03630105" : "BU05990202", members: members,
                                involvements: involvements, consents: consents, referrals: referrals, assessments: assessments,
                                goals: goals, signatures: signatures)
    }

    func tallies(_ facts: [Fact]) -> [CellKey: Tally] {
        IndicatorTallies(catalog: catalog, today: day(Self.today)).tallies(facts)
    }

    func sum(_ a: [CellKey: Tally], _ b: [CellKey: Tally]) -> [CellKey: Tally] {
        a.merging(b, uniquingKeysWith: +).filter { !$0.value.isZero }
    }

    @Test func talliesOfTwoHouseholdsAreTheSumOfTheirTallies() async {
        await propertyCheck(input: Self.records, Self.records) { a, b in
            let (first, second) = (facts([history("ha", a)], today: Self.today), facts([history("hb", b)], today: Self.today))
            let together = tallies(first + second)
            #expect(together == sum(tallies(first), tallies(second)))
            #expect(together.values.allSatisfy { $0.subjects > 0 && $0.hits >= 0 && $0.hits <= $0.subjects })
        }
    }

    @Test func theDifferenceTakesOldToNew() async {
        await propertyCheck(input: Self.records, Self.records, Self.records) { before, after, neighbour in
            let old = tallies(facts([history("ha", before)], today: Self.today))
            let new = tallies(facts([history("ha", after)], today: Self.today))
            let delta = old.difference(to: new)
            #expect(sum(old, delta) == new)
            #expect(!delta.values.contains { $0.isZero })
            #expect(old.difference(to: old).isEmpty)
            // A refresh: the monitor's cells hold ha's old tallies and hb's; applying
            // ha's difference gives what counting both anew would.
            let others = tallies(facts([history("hb", neighbour)], today: Self.today))
            #expect(sum(sum(old, others), delta) == sum(new, others))
            // In place, as the refresher applies it: old out, new in, zeros left unwritten.
            var cells = sum(old, others)
            for (key, tally) in old { cells[key, default: .zero] -= tally }
            for (key, tally) in new { cells[key, default: .zero] += tally }
            #expect(cells.filter { !$0.value.isZero } == sum(new, others))
        }
    }

    @Test func aSliceKeepsItsValuesApartWhateverWasTyped() {
        let slice = Slice([.neighbourhood: "a=b", .domain: "finances"])
        #expect(slice.values == [.neighbourhood: "a=b", .domain: "finances"])
        #expect(Slice(text: slice.text) == slice)
        // A ";" would split a slice where it is stored; a fact never carries one.
        let fact = Fact(.plan, subject: "h", first: day("2026-01-01"), dimensions: [.neighbourhood: ["x;district=y"]])
        #expect(fact.dimensions[.neighbourhood] == ["x,district=y"])
        #expect(Slice([.neighbourhood: fact.dimensions[.neighbourhood]![0]]).values == [.neighbourhood: "x,district=y"])
    }

    @Test func factsSurviveTheirCompactStorage() async {
        await propertyCheck(input: Self.records) { records in
            let stored = facts([history("ha", records)], today: Self.today)
            let data = try JSONEncoder().encode(stored)
            #expect(try JSONDecoder().decode([Fact].self, from: data) == stored)
        }
    }
}
