/// A count table seen as a circulation, which is what makes "can this hidden
/// cell be worked out?" an exact question with a cheap answer.
///
/// Every published count (cell or total) is an edge, every "these add up to
/// that" is a node: a row node takes in its row total and sends out its cells,
/// a column node takes in its cells and sends out its column total, and the
/// grand total closes the loop. What a reader knows of an entry is an
/// interval: a shown count exactly, "< 5" is 1…4, "•" is 5…∞ (0…∞ in the
/// rare case it hides a smaller count).
///
/// A hidden entry can be worked out exactly iff no other table consistent with
/// what is published gives it another value. The difference of two such
/// tables is a circulation, which splits into cycles that each stay within
/// the intervals (conformal decomposition); so the entry is determined iff no
/// cycle through it can carry one more or one fewer person within the
/// intervals — a reachability question in the residual graph. Tables of this
/// shape are network matrices, so this integer answer needs no search.
struct CountNetwork {
    struct Edge {
        let from: Int, to: Int
        let value: Int
    }

    let edges: [Edge]
    let nodeCount: Int

    /// Entries in `PublishedTable.allCounts` order: cells row by row, row
    /// totals, column totals, grand total.
    init(_ table: CountTable) {
        let rows = table.rowKeys.count, columns = table.columnKeys.count
        let (top, bottom) = (0, 1)
        func row(_ index: Int) -> Int { 2 + index }
        func column(_ index: Int) -> Int { 2 + rows + index }
        let byRow = table.margins.contains(.rowTotals), byColumn = table.margins.contains(.columnTotals)
        var edges: [Edge] = []
        for (r, line) in table.cells.enumerated() {
            for (c, value) in line.enumerated() {
                edges.append(Edge(from: byRow ? row(r) : top, to: byColumn ? column(c) : bottom, value: value))
            }
        }
        if byRow { edges += table.rowTotals.enumerated().map { Edge(from: top, to: row($0.offset), value: $0.element) } }
        if byColumn { edges += table.columnTotals.enumerated().map { Edge(from: column($0.offset), to: bottom, value: $0.element) } }
        edges.append(Edge(from: bottom, to: top, value: table.total))
        self.edges = edges
        self.nodeCount = 2 + rows + columns
    }

    /// The interval a reader knows an entry to lie in, given how it is published.
    static func bounds(_ value: Int, _ published: PublishedCount) -> (low: Int, high: Int) {
        switch published {
        case .shown: (value, value)
        case .fewerThanFive: (1, 4)
        // "•" is nearly always a count of 5 or more (the counts withheld to
        // protect others are shown ones, never 1–4), and a reader may guess so:
        // assume they know it whenever it is true.
        case .hidden: (value >= Suppression.smallestShownCount ? Suppression.smallestShownCount : 0, Int.max)
        }
    }

    /// Whether a reader of `published` can work out entry `index` exactly.
    func isDetermined(_ index: Int, published: [PublishedCount]) -> Bool {
        let edge = edges[index]
        let (low, high) = Self.bounds(edge.value, published[index])
        if edge.value < high, reaches(from: edge.to, to: edge.from, avoiding: index, published: published) { return false }
        if edge.value > low, reaches(from: edge.from, to: edge.to, avoiding: index, published: published) { return false }
        return true
    }

    /// The fewest people to withhold so that entry `index` can vary: the
    /// cheapest cycle through it, where an entry that already lets a person
    /// through costs nothing, a shown non-zero count costs its size, and a
    /// shown 0 or a "< 5" at its bound (which would have to become "•") costs
    /// more than any count. Returns the entries to withhold; nil if none exists.
    func cheapestProtection(for index: Int, published: [PublishedCount]) -> [Int]? {
        let edge = edges[index]
        let (low, high) = Self.bounds(edge.value, published[index])
        var options: [(cost: Int, entries: [Int])] = []
        // One more: from its head back to its tail; one fewer: the other way round.
        if edge.value < high, let path = cheapestPath(from: edge.to, to: edge.from, avoiding: index, published: published) { options.append(path) }
        if edge.value > low, let path = cheapestPath(from: edge.from, to: edge.to, avoiding: index, published: published) { options.append(path) }
        return options.min { $0.cost < $1.cost }?.entries
    }

    static let lastResort = 1 << 40

    /// Dijkstra over the nodes, ties to the lower node and entry number so
    /// the same table always withholds the same cells.
    private func cheapestPath(from start: Int, to goal: Int, avoiding skipped: Int, published: [PublishedCount]) -> (cost: Int, entries: [Int])? {
        var steps = Array(repeating: [(to: Int, cost: Int, entry: Int)](), count: nodeCount)
        for (index, edge) in edges.enumerated() where index != skipped {
            let (low, high) = Self.bounds(edge.value, published[index])
            let withheld = Self.bounds(edge.value, .hidden)
            // What each direction costs: free if it is open now, else the price
            // of withholding this entry as "•", if that opens it (a withheld 5
            // still cannot shrink). A last resort later in table order is
            // cheaper: a total turns "•" before the cells lose their "< 5".
            let price = published[index].isShown && edge.value > 0 ? edge.value : Self.lastResort - index
            if edge.value < high { steps[edge.from].append((edge.to, 0, index)) } else if edge.value < withheld.high { steps[edge.from].append((edge.to, price, index)) }
            if edge.value > low { steps[edge.to].append((edge.from, 0, index)) } else if edge.value > withheld.low { steps[edge.to].append((edge.from, price, index)) }
        }
        var cost = Array(repeating: Int.max, count: nodeCount)
        var via = Array(repeating: (node: -1, entry: -1, paid: false), count: nodeCount)
        var done = Array(repeating: false, count: nodeCount)
        cost[start] = 0
        while let node = (0..<nodeCount).filter({ !done[$0] && cost[$0] != .max }).min(by: { (cost[$0], $0) < (cost[$1], $1) }) {
            done[node] = true
            if node == goal { break }
            for step in steps[node] where cost[node] + step.cost < cost[step.to] {
                cost[step.to] = cost[node] + step.cost
                via[step.to] = (node, step.entry, step.cost > 0)
            }
        }
        guard cost[goal] != .max else { return nil }
        var entries: [Int] = [], node = goal
        while node != start {
            if via[node].paid { entries.append(via[node].entry) }
            node = via[node].node
        }
        return (cost[goal], entries.sorted())
    }

    /// Whether one more person can travel from `start` to `goal` through the
    /// other entries: along an entry that may grow, or against one that may shrink.
    private func reaches(from start: Int, to goal: Int, avoiding skipped: Int, published: [PublishedCount]) -> Bool {
        var outgoing = Array(repeating: [Int](), count: nodeCount)
        for (index, edge) in edges.enumerated() where index != skipped {
            let (low, high) = Self.bounds(edge.value, published[index])
            if edge.value < high { outgoing[edge.from].append(edge.to) }
            if edge.value > low { outgoing[edge.to].append(edge.from) }
        }
        var seen = Set([start]), queue = [start]
        while let node = queue.popLast() {
            if node == goal { return true }
            for next in outgoing[node] where seen.insert(next).inserted { queue.append(next) }
        }
        return false
    }
}
