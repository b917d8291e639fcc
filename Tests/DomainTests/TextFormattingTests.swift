import Crypto
import Domain
import Foundation
import Testing

@Suite("Text formatting")
struct TextFormattingTests {
    @Test func hexIsTwoLowerCaseDigitsPerByte() {
        #expect([UInt8]([0x00, 0x0f, 0xa5, 0xff]).hexString == "000fa5ff")
        #expect([UInt8]().hexString == "")
        #expect(SHA256.hash(data: Data("abc".utf8)).hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func uuidTextIsFoundationsUUIDString() {
        for _ in 0..<2_000 {
            let id = UUID()
            #expect(id.canonicalText == id.uuidString)
            #expect(UUID(canonicalText: id.uuidString) == id && UUID(canonicalText: id.uuidString.lowercased()) == id)
        }
        #expect(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).canonicalText == "00000000-0000-0000-0000-000000000000")
        #expect(UUID(canonicalText: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")?.uuidString == "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")
    }

    @Test func uuidTextRefusesWhatFoundationRefuses() {
        let id = "DDBC4AEA-FB43-41EE-A7B5-B9F5093C3F28"
        let bad = ["", "DDBC4AEA", String(id.dropLast()), id + "0", " " + id, id + " ", id.replacingOccurrences(of: "-", with: ""),
                   "DDBC4AEA-FB43-41EE-A7B5-B9F5093C3F2G", "DDBC4AEAFFB43-41EE-A7B5-B9F5093C3F28", "DDBC4AEA-FB43-41EE-A7B5_B9F5093C3F28",
                   "DDBC4AEA-FB43-41EE-A7B5-B9F5093C3F2é", "{DDBC4AEA-FB43-41EE-A7B5-B9F5093C3F28}"]
        for text in bad {
            #expect(UUID(canonicalText: text) == nil && UUID(uuidString: text) == nil, "\(text)")
        }
        #expect(UUID(canonicalText: id) == UUID(uuidString: id))
    }

    @Test func numbersAreZeroPadded() {
        #expect(7.zeroPadded(to: 2) == "07" && 0.zeroPadded(to: 2) == "00" && 987.zeroPadded(to: 4) == "0987")
        #expect(12_345.zeroPadded(to: 2) == "12345" && (-3).zeroPadded(to: 2) == "-03")
        #expect(WeeklyOpening.text(9 * 60 + 5) == "09:05" && WeeklyOpening.minutes(WeeklyOpening.text(23 * 60 + 59)) == 23 * 60 + 59)
    }

    @Test func daysAreZeroPadded() {
        #expect(CivilDay(year: 2026, month: 12, day: 31)!.iso == "2026-12-31")
        #expect(CivilDay(year: 987, month: 1, day: 5)!.iso == "0987-01-05")
    }

    @Test func coordinatesMatchPrintfWithTwoDecimals() {
        let values: [Double] = (-2_000...2_000).flatMap { (i: Int) -> [Double] in
            let x = Double(i)
            return [x / 7, x / 3, x * 1.37, x / 1_000]
        }
        for value in values {
            let printf = String(format: "%.2f", value)
            #expect(SVG.number(value) == (printf == "-0.00" ? "0.00" : printf), "\(value)")
        }
        #expect(SVG.number(-0.001) == "0.00" && SVG.number(.nan) == "0.00" && SVG.number(.infinity) == "0.00")
        #expect(SVG.number(12.5) == "12.50" && SVG.number(-3.456) == "-3.46")
    }
}
