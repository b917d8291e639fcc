import Domain
import Testing

@Suite("Days as people type them")
struct CivilDayReadingTests {
    @Test(arguments: [
        ("2026-12-03", "2026-12-03"), ("3-12-2026", "2026-12-03"), ("03-12-2026", "2026-12-03"), ("3/12/2026", "2026-12-03"),
        ("3.12.2026", "2026-12-03"), (" 29-2-2024 ", "2024-02-29"), ("31-12-1999", "1999-12-31"),
    ])
    func aDayReadsTheIsoOrTheDutchWay(typed: String, iso: String) {
        #expect(DayReading(typed).day?.iso == iso)
    }

    @Test(arguments: ["1980-02-31", "29-2-2023", "31-4-2026", "2026-13-01", "0-1-2026", "32-1-2026"])
    func aWellFormedDateThatDoesNotExistIsToldApart(typed: String) {
        #expect(DayReading(typed) == .nonexistent)
    }

    @Test(arguments: ["", "morgen", "2026-1-3", "3-12-26", "3 december 2026", "2026/12/03", "3-12/2026", "１-2-2026", "3--2026", "12026-01-01"])
    func anythingElseIsNotADate(typed: String) {
        #expect(DayReading(typed) == .malformed)
    }

    @Test func theValidatorNamesWhichItWas() {
        var validator = FormValidator()
        #expect(validator.day("a", "1980-02-31") == nil)
        #expect(validator.day("b", "gisteren") == nil)
        #expect(validator.day("c", "", required: false) == nil)
        #expect(validator.day("d", "3-12-2026")?.iso == "2026-12-03")
        #expect(validator.issues.map(\.messageKey) == ["validation.date_nonexistent", "validation.date_invalid"])
    }
}
