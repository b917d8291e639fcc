import Foundation
import Testing
@testable import App

@Suite("Dates as people read them")
struct DayTextTests {
    struct Reader: Speaking { let locale: AppLocale; let localizer: Localizer }

    static func reader(_ locale: AppLocale) throws -> Reader {
        Reader(locale: locale, localizer: try Localizer.load(from: "Resources/Localization"))
    }

    @Test func dutchInWordsAndInTables() throws {
        let nl = try Self.reader(.nl)
        #expect(nl.day("2026-12-03") == "3 december 2026")
        #expect(nl.shortDay("2026-12-03") == "03-12-2026")
        #expect(nl.day("2024-02-29") == "29 februari 2024")
    }

    @Test func englishTheEnglishWay() throws {
        let en = try Self.reader(.en)
        #expect(en.day("2026-12-03") == "3 December 2026")
        #expect(en.shortDay("2026-03-01") == "1 Mar 2026")
    }

    /// Moments are read in Dutch time, across a daylight-saving change.
    @Test func momentsInDutchTime() throws {
        let nl = try Self.reader(.nl)
        let summer = ISO8601DateFormatter().date(from: "2026-07-01T12:05:00Z")!
        let winter = ISO8601DateFormatter().date(from: "2026-12-31T23:30:09Z")!
        #expect(nl.moment(summer) == "1 juli 2026, 14:05")
        #expect(nl.shortMoment(winter, seconds: true) == "01-01-2027 00:30:09")
    }

    @Test func textThatIsNotADayStaysAsItIs() throws {
        let nl = try Self.reader(.nl)
        #expect(nl.day(nil) == "")
        #expect(nl.day("onbekend") == "onbekend")
    }
}
