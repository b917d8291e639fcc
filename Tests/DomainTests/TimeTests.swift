import Foundation
import Testing
@testable import Domain

/// One model of time: days, ranges of days and the monitor's periods, checked
/// at month ends, leap days and daylight-saving changes, and against
/// Foundation's calendar over two centuries of days.
@Suite("Days, ranges and periods")
struct TimeTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static let amsterdam: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .samenspelDefault
        return calendar
    }()

    static func day(_ iso: String) -> CivilDay { CivilDay(iso)! }

    static func instant(_ iso8601: String) -> Date { ISO8601DateFormatter().date(from: iso8601)! }

    @Test(arguments: ["2024-02-29", "2026-12-31", "0987-01-05", "2000-02-29"])
    func realDaysParse(_ text: String) {
        #expect(CivilDay(text)?.iso == text)
    }

    @Test(arguments: ["1980-02-31", "2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-05", " 2026-01-05",
                      "2026/01/05", "２０２６-01-05", "", "2026-01-5x"])
    func otherTextIsNotADay(_ text: String) {
        #expect(CivilDay(text) == nil)
    }

    @Test func dayNumbersAndWeekdaysAgreeWithFoundationFor200Years() {
        var day = Self.day("1900-01-01")
        var date = Self.utc.date(from: DateComponents(year: 1900, month: 1, day: 1))!
        while day.year < 2100 {
            let parts = Self.utc.dateComponents([.year, .month, .day, .weekday], from: date)
            #expect(day.year == parts.year && day.month == parts.month && day.day == parts.day)
            #expect(day.weekday == parts.weekday)
            #expect(CivilDay(dayNumber: day.dayNumber) == day)
            day = day.adding(days: 1)
            date = Self.utc.date(byAdding: .day, value: 1, to: date)!
        }
    }

    @Test func monthsClampAtMonthEndsAsFoundationDoes() {
        #expect(Self.day("2026-08-31").adding(months: 6).iso == "2027-02-28")
        #expect(Self.day("2024-01-31").adding(months: 1).iso == "2024-02-29")
        #expect(Self.day("2024-02-29").adding(months: 12).iso == "2025-02-28")
        #expect(Self.day("2026-03-31").adding(months: -1).iso == "2026-02-28")
        #expect(Self.day("2026-01-15").adding(months: -13).iso == "2024-12-15")
        var day = Self.day("2023-01-01")
        while day.year < 2026 {
            for months in [-25, -12, -6, -1, 1, 3, 6, 12, 18] {
                let result = day.adding(months: months)
                // Same day of the month, or the target month's last day; the month moves by exactly `months`.
                #expect((result.year - day.year) * 12 + result.month - day.month == months)
                #expect(result.day == min(day.day, CivilDay.daysIn(month: result.month, year: result.year)))
                // Foundation agrees going forward (on Linux it overflows some backward steps into March).
                if months > 0 {
                    let expected = Self.utc.date(byAdding: .month, value: months, to: Self.utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!)!
                    let parts = Self.utc.dateComponents([.year, .month, .day], from: expected)
                    #expect(result == CivilDay(year: parts.year!, month: parts.month!, day: parts.day!))
                }
            }
            day = day.adding(days: 1)
        }
    }

    @Test func theDayOfAnInstantFollowsDutchTimeAcrossClockChanges() {
        // Summer time starts 29 March 2026 at 02:00 CET; ends 25 October 2026 at 03:00 CEST.
        #expect(CivilDay.of(Self.instant("2026-03-28T22:59:59Z")).iso == "2026-03-28")
        #expect(CivilDay.of(Self.instant("2026-03-28T23:00:00Z")).iso == "2026-03-29")
        #expect(CivilDay.of(Self.instant("2026-03-29T21:59:59Z")).iso == "2026-03-29")
        #expect(CivilDay.of(Self.instant("2026-03-29T22:00:00Z")).iso == "2026-03-30")
        #expect(CivilDay.of(Self.instant("2026-10-24T21:59:59Z")).iso == "2026-10-24")
        #expect(CivilDay.of(Self.instant("2026-10-24T22:00:00Z")).iso == "2026-10-25")
        #expect(CivilDay.of(Self.instant("2026-10-25T22:59:59Z")).iso == "2026-10-25")
        #expect(CivilDay.of(Self.instant("2026-10-25T23:00:00Z")).iso == "2026-10-26")
        #expect(CivilDay.of(Self.instant("2026-06-30T23:30:00Z"), in: TimeZone(identifier: "UTC")!).iso == "2026-06-30")
    }

    @Test func aDayStartsAtDutchMidnightEvenOnTheDaysClocksChange() {
        var day = Self.day("2025-01-01")
        while day.year < 2028 {
            let expected = Self.amsterdam.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
            #expect(day.start() == expected, "\(day)")
            #expect(CivilDay.of(day.start()) == day)
            #expect(CivilDay.of(day.adding(days: 1).start().addingTimeInterval(-1)) == day)
            day = day.adding(days: 1)
        }
        #expect(Self.day("2026-03-30").start().timeIntervalSince(Self.day("2026-03-29").start()) == 23 * 3600)
        #expect(Self.day("2026-10-26").start().timeIntervalSince(Self.day("2026-10-25").start()) == 25 * 3600)
    }

    @Test func rangesIncludeBothEnds() {
        let consent = DayRange(first: Self.day("2026-01-01"), last: Self.day("2026-03-31"))!
        #expect(consent.contains(Self.day("2026-01-01")) && consent.contains(Self.day("2026-03-31")))
        #expect(!consent.contains(Self.day("2025-12-31")) && !consent.contains(Self.day("2026-04-01")))
        #expect(DayRange(first: Self.day("2026-01-02"), last: Self.day("2026-01-01")) == nil)
        let open = DayRange(first: Self.day("2026-01-01"), last: nil)!
        #expect(open.contains(Self.day("9999-12-31")))
        #expect(consent.overlaps(open) && !consent.overlaps(DayRange(first: Self.day("2026-04-01"), last: nil)!))
    }

    @Test func aRowThatStoresTheDayAfterMapsToTheSameConvention() {
        // An involvement ended on 1 April: its last day was 31 March.
        let involvement = DayRange(first: Self.day("2026-01-01"), endingBefore: Self.day("2026-04-01"))
        #expect(involvement.last?.iso == "2026-03-31" && involvement.dayAfterLast?.iso == "2026-04-01")
        #expect(involvement.contains(Self.day("2026-03-31")) && !involvement.contains(Self.day("2026-04-01")))
        // Ended the day it started: no day at all.
        let never = DayRange(first: Self.day("2026-01-01"), endingBefore: Self.day("2026-01-01"))
        #expect(never.isEmpty && !never.contains(Self.day("2026-01-01")))
    }

    @Test func periodsCoverTheirDaysWithoutGapsOrOverlap() {
        #expect(Period.containing(Self.day("2024-02-29"), .month).days == DayRange(first: Self.day("2024-02-01"), last: Self.day("2024-02-29")))
        #expect(Period.containing(Self.day("2026-05-15"), .quarter).id == "2026-Q2")
        #expect(Period.containing(Self.day("2026-06-30"), .quarter).lastDay.iso == "2026-06-30")
        #expect(Period.containing(Self.day("2026-07-01"), .quarter).firstDay.iso == "2026-07-01")
        #expect(Period(.quarter, year: 2026, index: 4)!.next.id == "2027-Q1")
        #expect(Period(.month, year: 2026, index: 1)!.previous.id == "2025-12")
        #expect(Period(.year, year: 2026)!.parts(.quarter).map(\.id) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        #expect(Period(.quarter, year: 2024, index: 1)!.parts(.month).map(\.id) == ["2024-01", "2024-02", "2024-03"])
        #expect(Period(.month, year: 2024, index: 1)!.parts(.year).isEmpty)
        #expect(Period(.month, year: 2026, index: 13) == nil && Period(.quarter, year: 2026, index: 0) == nil)
        for kind in Period.Kind.allCases {
            var period = Period.containing(Self.day("2023-11-01"), kind)
            for _ in 0..<30 {
                #expect(period.next.firstDay == period.lastDay.adding(days: 1))
                #expect(Period(id: period.id) == period)
                #expect(period < period.next)
                period = period.next
            }
        }
        #expect(Period(id: "2026-Q5") == nil && Period(id: "26-01") == nil && Period(id: "2026-1") == nil)
    }

    @Test func anInstantFallsInThePeriodOfItsDutchDay() {
        // New Year's Eve, 23:30 UTC, is already New Year's Day in Amsterdam.
        let instant = Self.instant("2026-12-31T23:30:00Z")
        #expect(Period.containing(CivilDay.of(instant), .year).id == "2027")
        #expect(Period.containing(CivilDay.of(instant, in: TimeZone(identifier: "UTC")!), .year).id == "2026")
    }
}
