import Domain
import Foundation
import PropertyBased
import Testing

/// A participation offer's facts for the monitor: the offer over the days it
/// exists, and each free place over the stretches of days it was free.
@Suite("Monitor: facts of participation offers")
struct OfferFactsTests: IndicatorTesting {
    static let today = "2026-04-15"

    /// Three places, two free from 10 January; all taken from 5 February;
    /// one free again on 20 March, and a fourth place and two more free the next day.
    func history(_ id: String = "o1", _ places: [(String, Int, Int)]? = nil) -> OfferHistory {
        let rows = places ?? [("2026-01-10", 3, 2), ("2026-02-05", 3, 0), ("2026-03-20", 3, 1), ("2026-03-21", 4, 3)]
        return OfferHistory(id: id, neighbourhood: "BU03630105", organization: "org-h", kind: "volunteering", informal: true,
                            places: rows.map { .init(day: day($0.0), places: $0.1, free: $0.2) })
    }

    func result(_ history: OfferHistory, today: String = Self.today) -> FactExtraction.Result {
        FactExtraction(today: day(today), pillars: [:]).facts(of: history)
    }

    @Test func theOfferRunsFromItsFirstDayWithItsPlaceAndProvider() {
        let facts = result(history()).facts
        let offer = facts.filter { $0.kind == .offer }
        #expect(offer == [Fact(.offer, subject: "o1", first: day("2026-01-10"), tags: ["kind": "volunteering", "informal": "true"],
                               dimensions: [.neighbourhood: ["BU03630105"], .district: ["WK036301"], .organization: ["org-h"]])])
    }

    @Test func eachFreePlaceSpansTheStretchesItWasFree() {
        let free = result(history()).facts.filter { $0.kind == .offerPlaceFree }
        let stretches = free.map { "\($0.subject) \($0.first.iso)–\($0.last?.iso ?? "")" }
        #expect(stretches.sorted() == [
            "o1/1 2026-01-10–2026-02-04", "o1/1 2026-03-20–",
            "o1/2 2026-01-10–2026-02-04", "o1/2 2026-03-21–",
            "o1/3 2026-03-21–",
        ])
        #expect(free.allSatisfy { $0.tags == ["kind": "volunteering", "informal": "true"] && $0.dimensions[.organization] == ["org-h"] })
    }

    @Test func theIndicatorsCountOffersAndPlacesFreeInEachPeriod() {
        let tallies = IndicatorTallies(catalog: catalog, today: day(Self.today)).tallies(result(history()).facts)
        let neighbourhood: [Domain.MonitorDimension: String] = [.neighbourhood: "BU03630105"]
        for month in ["2026-01", "2026-02", "2026-03", "2026-04"] {
            #expect(cell(tallies, "participation-offers", month, neighbourhood).subjects == 1)
        }
        #expect(cell(tallies, "participation-offers", "2026-05").subjects == 0)
        // January and February: two places free (February's first four days); March three, once the fourth came.
        let free = ["2026-01": 2, "2026-02": 2, "2026-03": 3, "2026-04": 3, "2025-12": 0]
        for (month, count) in free { #expect(cell(tallies, "participation-places-free", month, neighbourhood).subjects == count, "\(month)") }
        // A place free twice in a quarter counts once.
        #expect(cell(tallies, "participation-places-free", "2026-Q1", [.district: "WK036301"]).subjects == 3)
        #expect(cell(tallies, "participation-places-free", "2026", [.organization: "org-h"]).subjects == 3)
    }

    @Test func theMonitorLooksAgainNextMonthAndNotBeforeADayIsKnown() {
        #expect(result(history()).recheck == day("2026-05-01"))
        // A day after today is not known yet: it counts from when it comes.
        let ahead = result(history("o2", [("2026-04-01", 2, 1), ("2026-04-20", 2, 2)]))
        #expect(ahead.facts.filter { $0.kind == .offerPlaceFree }.map(\.subject) == ["o2/1"])
        #expect(ahead.recheck == day("2026-04-20"))
        #expect(result(history("o3", [])).facts.isEmpty)
        // Of two values given for one day, the later holds.
        let twice = result(history("o4", [("2026-04-01", 2, 2), ("2026-04-01", 2, 0)]))
        #expect(twice.facts.map(\.kind) == [.offer])
    }

    /// An offer is a unit of its own: its tallies add to any other unit's,
    /// and its difference takes the cells from its old facts to its new —
    /// what lets a refresh count it alone and end where a rebuild does.
    static let rows = Gen.int(in: 0...999_999).array(of: 0...8)

    func history(_ id: String, records: [Int]) -> OfferHistory {
        history(id, records.map { n in
            let places = 1 + n % 6
            return (day("2025-10-01").adding(days: (n / 6) % 240).iso, places, (n / 1_440) % (places + 1))
        })
    }

    @Test func offerTalliesAddAndSubtract() async {
        let catalog = self.catalog, today = day(Self.today)
        func tallies(_ history: OfferHistory) -> [CellKey: Tally] {
            IndicatorTallies(catalog: catalog, today: today).tallies(FactExtraction(today: today, pillars: [:]).facts(of: history).facts)
        }
        await propertyCheck(input: Self.rows, Self.rows, Self.rows) { before, after, other in
            let (old, new, others) = (tallies(history("oa", records: before)), tallies(history("oa", records: after)), tallies(history("ob", records: other)))
            var cells = old.merging(others, uniquingKeysWith: +)
            for (key, tally) in old { cells[key, default: .zero] -= tally }
            for (key, tally) in new { cells[key, default: .zero] += tally }
            #expect(cells.filter { !$0.value.isZero } == new.merging(others, uniquingKeysWith: +).filter { !$0.value.isZero })
            let facts = FactExtraction(today: today, pillars: [:]).facts(of: history("oa", records: after)).facts
            #expect((try? JSONEncoder().encode(facts)).flatMap { try? JSONDecoder().decode([Fact].self, from: $0) } == facts)
        }
    }
}
