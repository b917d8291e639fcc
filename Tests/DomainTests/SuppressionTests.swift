import Foundation
import PropertyBased
import Testing
@testable import Domain

/// Small numbers never identify anyone: what `Suppression` publishes shows
/// no 1–4, and an attacker holding only the published table cannot work out
/// any withheld count, on hand-made corners and on many random tables.
@Suite("Suppression")
struct SuppressionTests {
    static func table(_ cells: [[Int]], margins: CountTable.Margins = .both) -> CountTable {
        CountTable(rowKeys: cells.indices.map { "r\($0)" }, columnKeys: (cells.first ?? []).indices.map { "c\($0)" }, cells: cells, margins: margins)!
    }

    /// The true values in `allCounts` order.
    static func truth(_ table: CountTable) -> [Int] {
        table.cells.flatMap { $0 } + (table.margins.contains(.rowTotals) ? table.rowTotals : [])
            + (table.margins.contains(.columnTotals) ? table.columnTotals : []) + [table.total]
    }

    /// Publishes `table` and checks everything a published table promises.
    @discardableResult
    static func publishAndAttack(_ table: CountTable, sourceLocation: SourceLocation = #_sourceLocation) -> PublishedTable {
        let published = Suppression.publish(table)
        let truth = truth(table)
        for (count, value) in zip(published.allCounts, truth) {
            switch count {
            case .shown(let shown): #expect(shown == value && !(1...4).contains(value), sourceLocation: sourceLocation)
            case .fewerThanFive: #expect((1...4).contains(value), sourceLocation: sourceLocation)
            case .hidden: break
            }
        }
        for hiddenAtLeast in [0, 5] {
            let attacker = TableAttacker(published, ceiling: table.total + 1, hiddenAtLeast: hiddenAtLeast)
            let recovered = attacker.recovered().filter { truth[$0.key] == $0.value }.keys.sorted()
            #expect(recovered.isEmpty, "with • ≥ \(hiddenAtLeast): recovered \(recovered.map { "#\($0)=\(truth[$0])" }) from \(published.grid(corner: "", totalLabel: "Σ")) of \(table.cells)", sourceLocation: sourceLocation)
        }
        #expect(Suppression.publish(table) == published, "the same table publishes the same way", sourceLocation: sourceLocation)
        return published
    }

    @Test func aSmallCellInOneRowTakesAnotherWithIt() {
        let published = Self.publishAndAttack(Self.table([[3, 8, 0]], margins: .rowTotals))
        #expect(published.cells == [[.fewerThanFive, .hidden, .shown(0)]])
        #expect(published.rowTotals == [.shown(11)])
        #expect(published.total == .shown(11))
    }

    @Test func aSingleSmallCellWithItsShownRowTotalIsProtected() {
        let published = Self.publishAndAttack(Self.table([[3, 8, 0]]))
        // The column totals repeat the cells of a one-row table, so they hide alike.
        #expect(published.cells == [[.fewerThanFive, .hidden, .shown(0)]])
        #expect(published.columnTotals == [.fewerThanFive, .hidden, .shown(0)])
        #expect(published.rowTotals == [.shown(11)])
    }

    @Test func threeByThreeWithOneSmallCellHidesARectangle() {
        let published = Self.publishAndAttack(Self.table([[3, 10, 12], [9, 20, 7], [15, 6, 30]]))
        // The cheapest rectangle through the 3: 12 + 9 + 7 people withheld, rather than 10 + 9 + 20.
        #expect(published.cells == [[.fewerThanFive, .shown(10), .hidden], [.hidden, .shown(20), .hidden], [.shown(15), .shown(6), .shown(30)]])
        #expect(published.rowTotals?.allSatisfy(\.isShown) == true)
        #expect(published.columnTotals?.allSatisfy(\.isShown) == true)
    }

    @Test func aColumnOfSmallCells() {
        Self.publishAndAttack(Self.table([[2, 11], [3, 9], [1, 14]]))
        Self.publishAndAttack(Self.table([[2], [3], [1]]))
        Self.publishAndAttack(CountTable(keys: ["a", "b", "c"], counts: [2, 3, 1])!)
    }

    @Test func zerosAroundASmallCell() {
        let published = Self.publishAndAttack(Self.table([[0, 0, 0], [0, 3, 0], [0, 0, 0]]))
        // Its row, column and the grand total are 3 too, all "< 5": nothing pins it, zeros stay 0.
        #expect(published.cells[1][1] == .fewerThanFive)
        #expect(published.total == .fewerThanFive)
        #expect(!published.allCounts.contains(.hidden))
        Self.publishAndAttack(Self.table([[0, 6, 0], [0, 3, 0], [9, 0, 8]]))
        Self.publishAndAttack(Self.table([[0, 0], [4, 0], [0, 12]]))
    }

    /// A zero cannot be both "0" and withheld: while a non-zero entry can be
    /// withheld instead it is; here none is left, so the zero becomes "•".
    @Test func aZeroIsWithheldOnlyWhenNothingElseProtects() {
        // Four "< 5" under a total "< 5" would each have to be 1: the total is withheld as "•".
        let ones = Self.publishAndAttack(CountTable(keys: ["a", "b", "c", "d"], counts: [1, 1, 1, 1])!)
        #expect(ones.total == .hidden)
        #expect(ones.cells.flatMap { $0 } == Array(repeating: .fewerThanFive, count: 4))
        // Two 4s under a shown 8 would each have to be 4: the 8 is withheld.
        let fours = Self.publishAndAttack(CountTable(keys: ["a", "b"], counts: [4, 4])!)
        #expect(fours.total == .hidden)
        // The same with a zero beside them: the total (non-zero) goes before the zero.
        let withZero = Self.publishAndAttack(CountTable(keys: ["a", "b", "c"], counts: [4, 0, 4])!)
        #expect(withZero.cells[1] == [.shown(0)])
        #expect(withZero.total == .hidden)
    }

    @Test func aHiddenTotalStillConstrainsThroughTheOtherDirection() {
        // Row 0's total (4) is "< 5"; its cells 1 and 3 could still be pinned by their columns.
        Self.publishAndAttack(Self.table([[1, 3, 0], [6, 0, 9], [7, 8, 5]]))
        Self.publishAndAttack(Self.table([[2, 2], [2, 2]]))
        Self.publishAndAttack(Self.table([[4, 4, 4], [4, 4, 4]]))
    }

    @Test func emptyAndAllZeroTables() {
        let empty = Self.publishAndAttack(Self.table([]))
        #expect(empty.total == .shown(0))
        let zeros = Self.publishAndAttack(Self.table([[0, 0], [0, 0]]))
        #expect(zeros.allCounts.allSatisfy { $0 == .shown(0) })
        let large = Self.publishAndAttack(Self.table([[5, 50], [60, 7]]))
        #expect(!large.withholdsAnything)
    }

    /// The attacker has teeth: given only primary suppression it recovers cells.
    @Test func theAttackerBreaksPrimarySuppressionAlone() {
        for cells in [[[3, 8, 0]], [[3, 10, 12], [9, 20, 7], [15, 6, 30]]] {
            let table = Self.table(cells)
            let primaryOnly = PublishedTable(table, Self.truth(table).map(Suppression.count))
            #expect(!TableAttacker(primaryOnly, ceiling: table.total + 1).recovered().isEmpty)
            #expect(!TableAttacker(primaryOnly, ceiling: table.total + 1).recoveredByBounds().isEmpty)
        }
        // Where bounds alone fail, the search still finds it: two "< 5" under a shown 8.
        let fours = CountTable(keys: ["a", "b"], counts: [4, 4])!
        let primaryOnly = PublishedTable(fours, Self.truth(fours).map(Suppression.count))
        #expect(TableAttacker(primaryOnly, ceiling: 9).recovered() == [0: 4, 1: 4])
    }

    /// Counts skewed small, as in a small municipality: over half are 0–4.
    static let count = Gen.int(in: 0...24).map { $0 < 14 ? $0 % 5 : $0 - 12 }
    static let randomTable = zip(Gen.int(in: 1...5), Gen.int(in: 1...5), Gen.int(in: 0...3), count.array(of: 25))
        .map { rows, columns, margins, values in
            table((0..<rows).map { r in (0..<columns).map { values[r * 5 + $0] } }, margins: CountTable.Margins(rawValue: margins))
        }

    @Test func noWithheldCountOfARandomTableCanBeWorkedOut() async {
        await propertyCheck(count: 1000, input: Self.randomTable) { table in
            Self.publishAndAttack(table)
        }
    }
}
