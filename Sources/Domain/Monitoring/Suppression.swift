/// The one place that decides what the monitor may publish (DESIGN §5,
/// "Small numbers never identify anyone"). Every page, export and endpoint
/// that shows counts, shares or medians of people goes through here.
///
/// Rules:
/// - A count of 1–4 people is withheld as "< 5" (primary); a true 0 is shown.
///   Totals are counts too: a total of 1–4 is withheld the same way.
/// - Complementary suppression: while some withheld entry can be worked out
///   exactly from what is shown (by subtraction along its row or column, or
///   by combining lines with the "< 5" = 1…4 bounds, or through a "•" that is
///   itself pinned by other lines), more entries are withheld as "•": the
///   cheapest set (fewest people, ties to the first in table order) that lets
///   it vary, which is a cycle through it. On a single line that is the
///   smallest non-zero shown entry of the line; in a two-way table often a
///   rectangle. Whether an entry can be worked out is decided exactly, not by
///   a heuristic (see `CountNetwork`), for a reader who knows "< 5" is 1–4
///   and guesses that a "•" is 5 or more (true unless it is a last resort).
/// - A shown 0 stays 0 while a non-zero entry can be withheld instead: readers
///   expect a 0 to be a 0. Only when nothing else helps (four "< 5" under a
///   total "< 5" must each be 1) is a "< 5" turned into "•", totals before
///   cells, or a 0 withheld. So "•" promises nothing about its size, only that
///   it is withheld; pages say so.
/// - A share, percentage or median needs a base of at least 10 people, and a
///   base that is itself published (not withheld in the table it belongs to).
///   A share also hides when its numerator, or the people outside it, number
///   1–4: with the base shown, the share gives them back.
///
/// What this does not defend against: a reader who knows which cell the
/// algorithm would pick and reasons backwards from the choice, and
/// differencing between two views whose tables overlap (views are built from
/// facts with fixed dimensions so one table never nests inside another).
public enum Suppression {
    /// Counts below this (and above 0) are withheld.
    public static let smallestShownCount = 5
    /// Shares, percentages and medians need at least this many people.
    public static let smallestBase = 10

    /// A single count standing alone (a tile, a headline number).
    public static func count(_ people: Int) -> PublishedCount {
        (1..<smallestShownCount).contains(people) ? .fewerThanFive : .shown(people)
    }

    public static func publish(_ table: CountTable) -> PublishedTable {
        let network = CountNetwork(table)
        var published = network.edges.map { count($0.value) }
        // Each round withholds a cycle through the first exposed entry; every
        // entry on that cycle can then vary, and withholding more never pins
        // anything, so this ends within as many rounds as there are entries.
        while let exposed = published.indices.first(where: { !published[$0].isShown && network.isDetermined($0, published: published) }) {
            guard let cycle = network.cheapestProtection(for: exposed, published: published), !cycle.isEmpty else {
                // Cannot happen for counts that add up; if it did, withhold everything rather than leak.
                return PublishedTable(table, published.map { _ in .hidden })
            }
            for entry in cycle { published[entry] = .hidden }
        }
        return PublishedTable(table, published)
    }

    /// numerator / denominator, or nil when it may not be shown: see the rules above.
    /// `base` is how the denominator is published in its table, when it is in one.
    public static func ratio(numerator: Int, denominator: Int, base: PublishedCount? = nil) -> Double? {
        guard hasPublishableBase(denominator, base), (0...denominator).contains(numerator),
              count(numerator) != .fewerThanFive, count(denominator - numerator) != .fewerThanFive else { return nil }
        return Double(numerator) / Double(denominator)
    }

    /// The median of the people counted, or nil when they are too few to show it.
    public static func median(of histogram: Histogram, base: PublishedCount? = nil) -> Int? {
        percentile(0.5, of: histogram, base: base)
    }

    /// A nearest-rank percentile (see `Histogram`), or nil when the people are too few.
    public static func percentile(_ p: Double, of histogram: Histogram, base: PublishedCount? = nil) -> Int? {
        hasPublishableBase(histogram.count, base) ? histogram.percentile(p) : nil
    }

    /// The mean, or nil when the people are too few.
    public static func mean(of histogram: Histogram, base: PublishedCount? = nil) -> Double? {
        hasPublishableBase(histogram.count, base) ? histogram.mean : nil
    }

    private static func hasPublishableBase(_ people: Int, _ published: PublishedCount?) -> Bool {
        people >= smallestBase && (published.map { $0 == .shown(people) } ?? true)
    }
}

extension PublishedTable {
    /// Lays `published` (in `allCounts` order) back into the table's shape.
    init(_ table: CountTable, _ published: [PublishedCount]) {
        let (rows, columns) = (table.rowKeys.count, table.columnKeys.count)
        var rest = published[...]
        func take(_ count: Int) -> [PublishedCount] {
            defer { rest = rest.dropFirst(count) }
            return Array(rest.prefix(count))
        }
        let cells = (0..<rows).map { _ in take(columns) }
        let rowTotals = table.margins.contains(.rowTotals) ? take(rows) : nil
        let columnTotals = table.margins.contains(.columnTotals) ? take(columns) : nil
        self.init(rowKeys: table.rowKeys, columnKeys: table.columnKeys, cells: cells, rowTotals: rowTotals, columnTotals: columnTotals, total: take(1)[0])
    }
}
