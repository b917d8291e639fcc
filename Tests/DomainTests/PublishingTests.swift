import Foundation
import Testing
@testable import Domain

/// Shares, medians and the forms a published table takes (page grid, JSON):
/// the rest of "small numbers never identify anyone".
@Suite("Publishing shares, medians and tables")
struct PublishingTests {
    @Test func singleCounts() {
        #expect(Suppression.count(0) == .shown(0))
        #expect((1...4).allSatisfy { Suppression.count($0) == .fewerThanFive })
        #expect(Suppression.count(5) == .shown(5))
        #expect(PublishedCount.shown(12).text == "12")
        #expect(PublishedCount.fewerThanFive.text == "< 5")
        #expect(PublishedCount.hidden.text == "•")
    }

    @Test func sharesNeedTenPeopleAndHideSmallParts() {
        #expect(Suppression.ratio(numerator: 5, denominator: 10) == 0.5)
        #expect(Suppression.ratio(numerator: 0, denominator: 12) == 0)
        #expect(Suppression.ratio(numerator: 12, denominator: 12) == 1)
        #expect(Suppression.ratio(numerator: 5, denominator: 9) == nil, "base under 10")
        #expect(Suppression.ratio(numerator: 0, denominator: 0) == nil)
        #expect(Suppression.ratio(numerator: 3, denominator: 20) == nil, "3 people, given back by 20 × 15%")
        #expect(Suppression.ratio(numerator: 16, denominator: 20) == nil, "the 4 outside it")
        #expect(Suppression.ratio(numerator: 21, denominator: 20) == nil)
        #expect(Suppression.ratio(numerator: -1, denominator: 20) == nil)
        #expect(Suppression.ratio(numerator: 10, denominator: 20, base: .shown(20)) == 0.5)
        #expect(Suppression.ratio(numerator: 10, denominator: 20, base: .hidden) == nil, "its base is withheld in the table")
        #expect(Suppression.ratio(numerator: 10, denominator: 20, base: .shown(21)) == nil, "a base that is not this one")
    }

    @Test func mediansNeedTenPeople() {
        let nine = Histogram([1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(Suppression.median(of: nine) == nil)
        #expect(Suppression.mean(of: nine) == nil)
        let ten = nine + Histogram([10])
        #expect(Suppression.median(of: ten) == 5)
        #expect(Suppression.percentile(0.9, of: ten) == 9)
        #expect(Suppression.mean(of: ten) == 5.5)
        #expect(Suppression.median(of: ten, base: .hidden) == nil)
        #expect(Suppression.median(of: ten, base: .shown(10)) == 5)
    }

    @Test func tablesRefuseBadShapes() {
        #expect(CountTable(rowKeys: ["a"], columnKeys: ["x", "y"], cells: [[1]]) == nil)
        #expect(CountTable(rowKeys: ["a", "b"], columnKeys: ["x"], cells: [[1]]) == nil)
        #expect(CountTable(rowKeys: ["a"], columnKeys: ["x"], cells: [[-1]]) == nil)
        let table = CountTable(rowKeys: ["a", "b"], columnKeys: ["x", "y", "z"], cells: [[1, 2, 3], [4, 5, 6]])!
        #expect(table.rowTotals == [6, 15])
        #expect(table.columnTotals == [5, 7, 9])
        #expect(table.total == 21)
    }

    @Test func twoWayGridForAPageOrCSV() {
        let table = CountTable(rowKeys: ["Wmo", "Jeugd"], columnKeys: ["Noord", "Zuid"], cells: [[3, 12], [9, 20]])!
        let grid = Suppression.publish(table).grid(corner: "Domein", totalLabel: "Totaal")
        #expect(grid == [
            ["Domein", "Noord", "Zuid", "Totaal"],
            ["Wmo", "< 5", "•", "15"],
            ["Jeugd", "•", "•", "29"],
            ["Totaal", "12", "32", "44"],
        ])
    }

    @Test func oneWayGridAndJSON() throws {
        let table = CountTable(keys: ["Wmo", "Jeugd", "Schulden"], counts: [7, 2, 0], label: "Mensen")!
        let published = Suppression.publish(table)
        #expect(published.grid(corner: "Domein", totalLabel: "Totaal") == [
            ["Domein", "Mensen"],
            ["Wmo", "•"],
            ["Jeugd", "< 5"],
            ["Schulden", "0"],
            ["Totaal", "9"],
        ], "withholding the 7 is enough: 9 = (1…4) + (5…8)")
        let json = try JSONEncoder().encode(published.allCounts)
        #expect(String(decoding: json, as: UTF8.self) == #"["suppressed","fewer-than-5",0,9]"#)
        #expect(try JSONDecoder().decode([PublishedCount].self, from: json) == published.allCounts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(published), as: UTF8.self)
            == #"{"cells":[["suppressed"],["fewer-than-5"],[0]],"columnKeys":["Mensen"],"rowKeys":["Wmo","Jeugd","Schulden"],"total":9}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PublishedCount].self, from: Data("[3]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PublishedCount].self, from: Data(#"["<5"]"#.utf8)) }
    }

    @Test func rowTotalsOnlyPutTheGrandTotalUnderThem() {
        let table = CountTable(rowKeys: ["a"], columnKeys: ["x", "y"], cells: [[6, 7]], margins: .rowTotals)!
        #expect(Suppression.publish(table).grid(corner: "", totalLabel: "Σ") == [["", "x", "y", "Σ"], ["a", "6", "7", "13"], ["Σ", "", "", "13"]])
    }

    /// A realistic view (20 neighbourhoods × 12 months) publishes quickly and
    /// leaves nothing bounds propagation can pin.
    @Test func aLargeTablePublishesQuickly() {
        var generator = SystemRandomNumberGenerator()
        let cells = (0..<20).map { _ in (0..<12).map { _ in Int.random(in: 0...30, using: &generator) / 3 } }
        let table = CountTable(rowKeys: (0..<20).map { "buurt \($0)" }, columnKeys: (1...12).map { "2026-\($0)" }, cells: cells)!
        let published = Suppression.publish(table)
        #expect(TableAttacker(published, ceiling: table.total + 1).recoveredByBounds().isEmpty)
    }
}
