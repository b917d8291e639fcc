import Foundation
import Testing
@testable import Domain

@Suite("Appointment times and calendar files")
struct AppointmentTests {
    let now = Date(timeIntervalSince1970: 1_796_000_000) // 2026-11-30

    @Test func aTimeIsReadInDutchTimeAndRefusedWhenItCannotBe() throws {
        let winter = try #require(AppointmentSlot.read(day: "15-12-2026", start: "9:30", end: "10.45", now: now).slot)
        #expect(ICalendarEvent.utc(winter.start) == "20261215T083000Z" && ICalendarEvent.utc(winter.end) == "20261215T094500Z")
        let summer = try #require(AppointmentSlot.read(day: "2027-07-01", start: "09:30", end: "10:00", now: now).slot)
        #expect(ICalendarEvent.utc(summer.start) == "20270701T073000Z")
        #expect(AppointmentSlot.read(day: "31-02-2027", start: "09:00", end: "10:00", now: now).problems == [.day])
        #expect(AppointmentSlot.read(day: "2027-01-05", start: "25:00", end: "10:00", now: now).problems == [.startTime])
        #expect(AppointmentSlot.read(day: "2027-01-05", start: "10:00", end: "", now: now).problems == [.endTime])
        #expect(AppointmentSlot.read(day: "2027-01-05", start: "10:00", end: "09:00", now: now).problems == [.endsBeforeStart])
        #expect(AppointmentSlot.read(day: "2026-11-01", start: "10:00", end: "11:00", now: now).problems == [.inThePast])
        #expect(AppointmentSlot.read(day: nil, start: nil, end: nil, now: now).problems == [.day, .startTime, .endTime])
    }

    @Test func theCalendarFileFollowsRFC5545() {
        let event = ICalendarEvent(uid: "abc@samenspel", stamp: now, start: now.addingTimeInterval(86_400), end: now.addingTimeInterval(90_000),
                                   summary: "Gesprek over de brief; samen, met \\ uitleg\nen koffie", location: "Buurthuis De Linde, Lindelaan 12",
                                   description: String(repeating: "é", count: 60), status: .confirmed, sequence: 2)
        let text = event.render()
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        #expect(text.contains(#"SUMMARY:Gesprek over de brief\; samen\, met \\ uitleg\nen koffie"#))
        #expect(text.contains("STATUS:CONFIRMED") && text.contains("SEQUENCE:2"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        // Unfolding gives back the whole description, no character split.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:" + String(repeating: "é", count: 60)))
    }
}
