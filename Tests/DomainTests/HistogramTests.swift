import Foundation
import PropertyBased
import Testing
@testable import Domain

/// Histograms stand in for raw values wherever the monitor needs a median:
/// merging must behave like putting the people together, and the text kept
/// in the database must read back as the same histogram.
@Suite("Histograms")
struct HistogramTests {
    /// Days waited, mostly short, some long: the shape the monitor sees.
    static let values = Gen.int(in: 0...40).array(of: 0...30)

    /// The nearest-rank percentile computed on raw values, the definition itself.
    static func nearestRank(_ p: Double, of values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = max(1, Int((p * Double(sorted.count) - 1e-9).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }

    @Test func handWorkedExamples() {
        let four = Histogram([4, 1, 3, 2])
        #expect(four.count == 4)
        // Even count: rank ceil(0.5 × 4) = 2, so the lower middle value, not 2.5.
        #expect(four.median == 2)
        #expect(four.mean == 2.5)
        #expect(four.percentile(0) == 1)
        #expect(four.percentile(1) == 4)

        // Ten people: 1,1,2,3,3,3,5,8,13,21. p90: rank 9 → 13; p70: rank 7 → 5 (not 8,
        // which a careless ceil of 7.000000000000001 would give); median: rank 5 → 3.
        let ten = Histogram([1, 1, 2, 3, 3, 3, 5, 8, 13, 21])
        #expect(ten.percentile(0.9) == 13)
        #expect(ten.percentile(0.7) == 5)
        #expect(ten.median == 3)
        #expect(ten.percentile(0.91) == 21)
        #expect(ten.mean == 6)
        #expect(ten.text == "1:2,2:1,3:3,5:1,8:1,13:1,21:1")

        // Odd count: the true middle.
        #expect(Histogram([7, 2, 9]).median == 7)
    }

    @Test func emptyAndOutOfRange() {
        let empty = Histogram()
        #expect(empty.isEmpty)
        #expect(empty.count == 0)
        #expect(empty.median == nil)
        #expect(empty.mean == nil)
        #expect(empty.text == "")
        #expect(Histogram(text: "") == empty)
        #expect(Histogram([3]).percentile(-0.1) == nil)
        #expect(Histogram([3]).percentile(1.5) == nil)
        #expect(Histogram([3]).percentile(.nan) == nil)
        #expect(Histogram(counts: [3: 0, 4: 2]) == Histogram([4, 4]))
        #expect(Histogram(counts: [3: -1]) == nil)
    }

    @Test(arguments: [
        " 3:2", "3:2 ", "3:0", "3:-1", "03:2", "3:02", "+3:2", "3:2,", ",3:2", "5:1,3:2", "3:1,3:1",
        "3", "3:2:1", "a:1", "3:1,,5:1", "99999999999999999999:1", "3;2", "-0:1",
    ])
    func malformedTextIsRefused(_ text: String) {
        #expect(Histogram(text: text) == nil)
    }

    @Test func negativeValuesAndJSON() throws {
        let histogram = Histogram([-2, -2, 0, 5])
        #expect(histogram.text == "-2:2,0:1,5:1")
        #expect(Histogram(text: "-2:2,0:1,5:1") == histogram)
        let json = try JSONEncoder().encode(["days": histogram])
        #expect(String(decoding: json, as: UTF8.self) == #"{"days":"-2:2,0:1,5:1"}"#)
        #expect(try JSONDecoder().decode([String: Histogram].self, from: json)["days"] == histogram)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: Histogram].self, from: Data(#"{"days":"1:0"}"#.utf8)) }
    }

    @Test func mergingIsAssociativeAndCommutative() async {
        await propertyCheck(input: Self.values, Self.values, Self.values) { a, b, c in
            let (x, y, z) = (Histogram(a), Histogram(b), Histogram(c))
            #expect((x + y) + z == x + (y + z))
            #expect(x + y == y + x)
            #expect(x + Histogram() == x)
            #expect(x + y == Histogram(a + b))
        }
    }

    @Test func percentilesOfMergedEqualThoseOfAllValues() async {
        await propertyCheck(input: Self.values, Self.values, Gen.int(in: 0...100)) { a, b, percent in
            let merged = Histogram(a) + Histogram(b)
            let p = Double(percent) / 100
            #expect(merged.percentile(p) == Self.nearestRank(p, of: a + b))
            #expect(merged.median == Self.nearestRank(0.5, of: a + b))
            #expect(merged.count == a.count + b.count)
        }
    }

    @Test func textRoundTrips() async {
        await propertyCheck(input: Gen.int(in: -5...400).array(of: 0...40)) { values in
            let histogram = Histogram(values)
            #expect(Histogram(text: histogram.text) == histogram)
            #expect(histogram.text.allSatisfy { $0.isNumber || $0 == ":" || $0 == "," || $0 == "-" })
        }
    }
}
