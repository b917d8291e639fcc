import Foundation
import PropertyBased
import Testing
@testable import Domain

@Suite("Participation: placements' check-ins and forms")
struct PlacementTests {
    static let start = CivilDay("2026-12-07")!

    /// Every day from the start falls in exactly one stretch, which ends on its check-in's due day.
    @Test func eachDayFallsInTheStretchItsCheckInCloses() async {
        await propertyCheck(input: Gen.int(in: 1...12), Gen.int(in: -10...400)) { weeks, offset in
            let schedule = CheckInSchedule(startedOn: Self.start, weeks: weeks)!
            let day = Self.start.adding(days: offset)
            guard let number = schedule.number(on: day) else {
                #expect(offset < 0)
                return
            }
            #expect(number >= 1)
            #expect(schedule.dueOn(number - 1) <= day && day < schedule.dueOn(number))
        }
    }

    @Test func aCheckInIsRefusedBeforeTheStartAndAfterTheEnd() throws {
        let schedule = try #require(CheckInSchedule(startedOn: Self.start, weeks: 2))
        #expect(schedule.checkIn(on: Self.start, ended: false) == .success(1))
        #expect(schedule.checkIn(on: Self.start.adding(days: 14), ended: false) == .success(2))
        #expect(schedule.checkIn(on: Self.start.adding(days: -1), ended: false) == .failure(.notStarted))
        #expect(schedule.checkIn(on: Self.start.adding(days: 3), ended: true) == .failure(.ended))
        #expect(CheckInSchedule(startedOn: Self.start, weeks: 0) == nil && CheckInSchedule(startedOn: Self.start, weeks: 13) == nil)
    }

    @Test func theFormsNameEveryFieldTheyRefuse() throws {
        let today = Self.start.adding(days: 10)
        #expect(Self.refusals(PlacementCheck.checkIn(answer: nil, words: String(repeating: "x", count: 1001), prefix: "p1")) == [
            ValidationIssue(field: "p1-answer", messageKey: "participation.check_in_choose"), ValidationIssue(field: "p1-words", messageKey: "validation.too_long"),
        ])
        let answered = try PlacementCheck.checkIn(answer: "fair", words: "  Zwaar begin, nu beter.\n ", prefix: "p1").get()
        #expect(answered.0 == .fair && answered.1 == "Zwaar begin, nu beter.")
        #expect(try PlacementCheck.checkIn(answer: "good", words: " ", prefix: "p1").get().1 == nil)

        let early = PlacementCheck.end(reason: "bored", endedOn: "2026-12-01", startedOn: Self.start, today: today, prefix: "p1")
        #expect(Self.refusals(early) == [ValidationIssue(field: "p1-reason", messageKey: "validation.choose_option"),
                                         ValidationIssue(field: "p1-ended", messageKey: "participation.ended_on_range")])
        let ended = try PlacementCheck.end(reason: "next_step", endedOn: today.iso, startedOn: Self.start, today: today, prefix: "p1").get()
        #expect(ended.0 == .nextStep && ended.1 == today)
        #expect((try? PlacementCheck.end(reason: "completed", endedOn: today.adding(days: 1).iso, startedOn: Self.start, today: today, prefix: "p1").get()) == nil)

        #expect(Self.refusals(PlacementCheck.start(startedOn: "2026-31-31", weeks: "0", today: today, prefix: "s1")).map(\.field) == ["s1-started", "s1-weeks"])
        #expect(try PlacementCheck.start(startedOn: "2026-12-08", weeks: "4", today: today, prefix: "s1").get() == CheckInSchedule(startedOn: CivilDay("2026-12-08")!, weeks: 4))
        #expect((try? PlacementCheck.start(startedOn: "2028-12-08", weeks: "4", today: today, prefix: "s1").get()) == nil)
    }

    static func refusals<T>(_ result: Result<T, InvalidForm>) -> [ValidationIssue] {
        if case .failure(let invalid) = result { invalid.issues } else { [] }
    }
}

@Suite("Participation: postcode centres from a file")
struct PostcodeCentreTests {
    @Test func rowsThatAreNoCentreAreNamedByLineAndTheRestKept() {
        let rows: [[String: String]] = [
            ["PC4": "1234", "Latitude": "52,3702", "Longitude": "4.8952"],
            ["PC4": "12AB", "Latitude": "52.1", "Longitude": "4.9"],
            ["PC4": "1235", "Latitude": "121000", "Longitude": "487000"],
            ["PC4": "1236", "Latitude": "north", "Longitude": "4.9"],
            ["PC4": "1234", "Latitude": "52.3710", "Longitude": "4.8960"],
        ]
        let (centres, refused) = PostcodeCentreCheck.read(rows)
        #expect(centres.map(\.postcode4) == ["1234"] && centres.first?.coordinates.latitude == 52.3710, "the later row for an area wins")
        #expect(refused == [.init(line: 3, reason: .postcode), .init(line: 4, reason: .coordinates), .init(line: 5, reason: .coordinates)])
        let swapped = PostcodeCentreCheck.read([["postcode4": "9711", "latitude": "6.566", "longitude": "53.219"]])
        #expect(swapped.refused == [.init(line: 2, reason: .outsideTheNetherlands)])
    }
}
