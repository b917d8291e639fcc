import Domain
import Foundation
import Testing

/// A partner's file read through a column mapping: the mapping guessed from
/// common headers, each row checked, a repeat told from its first row.
@Suite("Early signals: files and column mappings")
struct SignalFileTests {
    static let today = CivilDay(year: 2026, month: 12, day: 3)!
    static let header = ["Dossiernummer", "Voornaam", "Achternaam", "Straat", "Huisnr", "Postcode", "Woonplaats", "Bedrag", "Aantal maanden", "Datum", "Soort", "Aanmaning"]

    @Test func theMappingIsGuessedFromCommonHeadersAndLacksOnlyWhatIsNotThere() {
        let mapping = ColumnMapping.guess(headers: Self.header)
        #expect(mapping[.reference] == "Dossiernummer" && mapping[.months] == "Aantal maanden" && mapping[.houseNumber] == "Huisnr")
        #expect(mapping[.kind] == "Soort" && mapping[.reminderSent] == "Aanmaning" && mapping[.bsn] == nil)
        #expect(mapping.missing().isEmpty)
        var withoutKind = mapping
        withoutKind[.kind] = nil
        #expect(withoutKind.missing() == [.kind])
        withoutKind.kindForAll = .rent
        #expect(withoutKind.missing().isEmpty)
        #expect(ColumnMapping.guess(headers: ["a", "b"]).missing().count == 10)
        // A saved mapping keeps only the headers the new file has.
        #expect(mapping.restricted(to: ["Voornaam"]).columns == ["given_name": "Voornaam"])
    }

    @Test func eachRowIsCheckedAndARepeatNamesItsFirstRow() {
        var check = SignalFileCheck(header: Self.header, mapping: .guess(headers: Self.header), allowed: [.rent: .defaults], today: Self.today)
        let good = ["D-1", "Karin", "Jansen", "Lindelaan", "4", "1234ab", "Voorbeeld", "1.250,50", "3", "03-12-2026", "Huur", "ja"]
        let facts = check.check(good, row: 2)
        #expect(facts?.amountCents == 125_050 && facts?.kind == .rent && facts?.person.street == "Lindelaan 4" && facts?.person.postcode == "1234AB")
        // The same reference again, a reminder that is neither yes nor no, a kind this partner may not report.
        #expect(check.check(good, row: 3) == nil)
        var odd = good
        (odd[0], odd[11]) = ("D-2", "misschien")
        #expect(check.check(odd, row: 4) == nil)
        var gas = good
        (gas[0], gas[10]) = ("D-3", "gas")
        #expect(check.check(gas, row: 5) == nil)
        // No reminder sent: the decree's condition refuses it.
        var noReminder = good
        (noReminder[0], noReminder[11]) = ("D-4", "nee")
        #expect(check.check(noReminder, row: 6) == nil)
        #expect(check.problems == [
            FileProblem(row: 3, column: "Dossiernummer", problem: .repeatsRow, otherRow: 2),
            FileProblem(row: 4, column: "Aanmaning", problem: .invalidReminder),
            FileProblem(row: 5, column: "Soort", problem: .kindNotAllowed),
            FileProblem(row: 6, column: "Soort", problem: .noReminder),
        ])
        #expect(check.validRows == 1 && check.refusedRows == 4)
    }

    @Test func aBSNColumnAsksForABSNOnEveryRow() {
        let header = ["Kenmerk", "Voornaam", "Achternaam", "Straat", "Postcode", "Plaats", "Bedrag", "Maanden", "Datum", "BSN"]
        var mapping = ColumnMapping.guess(headers: header)
        (mapping.kindForAll, mapping.reminderForAll) = (.water, true)
        var check = SignalFileCheck(header: header, mapping: mapping, allowed: [.water: .defaults], today: Self.today)
        let row = ["W-1", "Piet", "Smit", "Eikenstraat 8", "1234 AC", "Voorbeeld", "40", "1", "2026-12-01", ""]
        #expect(check.check(row, row: 2) == nil)
        #expect(check.problems == [FileProblem(row: 2, column: "BSN", problem: .missingBSN)])
        var short = row
        short.removeLast(3)
        #expect(check.check(short, row: 3) == nil, "a row cut short misses its date")
    }
}
