/// Counts of people before suppression: rows × columns of cells, with the
/// margins the view will publish. Every total is computed here, never passed
/// in, so a published total always agrees with its cells.
///
/// A one-way table (people per life domain, say) is a single column whose only
/// margin is the grand total: `CountTable(keys:counts:)`.
public struct CountTable: Sendable, Hashable {
    /// Which totals besides the grand total the view publishes.
    public struct Margins: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let rowTotals = Margins(rawValue: 1)
        public static let columnTotals = Margins(rawValue: 2)
        public static let both: Margins = [.rowTotals, .columnTotals]
    }

    public let rowKeys: [String]
    public let columnKeys: [String]
    /// `cells[row][column]`.
    public let cells: [[Int]]
    public let margins: Margins

    /// Nil when `cells` is not rowKeys × columnKeys or a count is negative.
    public init?(rowKeys: [String], columnKeys: [String], cells: [[Int]], margins: Margins = .both) {
        guard cells.count == rowKeys.count, cells.allSatisfy({ $0.count == columnKeys.count }),
              cells.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { return nil }
        self.rowKeys = rowKeys
        self.columnKeys = columnKeys
        self.cells = cells
        self.margins = margins
    }

    /// A one-way table: one row per key, one column named `label`, and a grand total.
    public init?(keys: [String], counts: [Int], label: String = "") {
        self.init(rowKeys: keys, columnKeys: [label], cells: counts.map { [$0] }, margins: [])
    }

    public var rowTotals: [Int] { cells.map { $0.reduce(0, +) } }

    public var columnTotals: [Int] {
        columnKeys.indices.map { column in cells.reduce(0) { $0 + $1[column] } }
    }

    public var total: Int { rowTotals.reduce(0, +) }
}
