/// A count table after suppression: what a page, a CSV and the API of one
/// view all publish, so none of them can give away what another hides.
/// Made only by `Suppression.publish(_:)`; Encodable but not Decodable, so
/// no table can claim to be suppressed without passing through it.
public struct PublishedTable: Sendable, Hashable, Encodable {
    public let rowKeys: [String]
    public let columnKeys: [String]
    /// `cells[row][column]`.
    public let cells: [[PublishedCount]]
    /// One per row, or nil when the view publishes no row totals.
    public let rowTotals: [PublishedCount]?
    /// One per column, or nil when the view publishes no column totals.
    public let columnTotals: [PublishedCount]?
    public let total: PublishedCount

    init(rowKeys: [String], columnKeys: [String], cells: [[PublishedCount]], rowTotals: [PublishedCount]?, columnTotals: [PublishedCount]?, total: PublishedCount) {
        self.rowKeys = rowKeys
        self.columnKeys = columnKeys
        self.cells = cells
        self.rowTotals = rowTotals
        self.columnTotals = columnTotals
        self.total = total
    }

    /// Every published count, cells first (row by row), then the margins.
    public var allCounts: [PublishedCount] {
        cells.flatMap { $0 } + (rowTotals ?? []) + (columnTotals ?? []) + [total]
    }

    /// Whether anything is withheld: a page then explains "< 5" and "•".
    public var withholdsAnything: Bool { allCounts.contains { !$0.isShown } }

    /// The table as text, header row and key column included, totals last:
    /// the one layout a page's table and a CSV export share. `corner` heads the
    /// key column; `totalLabel` names the total row and column.
    public func grid(corner: String, totalLabel: String) -> [[String]] {
        var grid = [[corner] + columnKeys + (rowTotals == nil ? [] : [totalLabel])]
        for (index, key) in rowKeys.enumerated() {
            grid.append([key] + cells[index].map(\.text) + (rowTotals.map { [$0[index].text] } ?? []))
        }
        if let columnTotals {
            grid.append([totalLabel] + columnTotals.map(\.text) + (rowTotals == nil ? [] : [total.text]))
        } else {
            // No column totals: the grand total goes under the row totals, or
            // (a one-way table) under its one column of counts.
            var last = [totalLabel] + Array(repeating: "", count: max(grid[0].count - 1, 1))
            last[rowTotals != nil ? last.count - 1 : 1] = total.text
            grid.append(last)
        }
        return grid
    }
}
