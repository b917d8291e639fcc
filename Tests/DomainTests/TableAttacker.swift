@testable import Domain

/// An adversary who sees only a `PublishedTable` and tries to work out each
/// withheld count exactly. It knows: shown counts; "< 5" is 1…4; "•" is any
/// count ≥ 0 (or, the bolder reader, ≥ 5, as it nearly always is);
/// every row, column and the margins add up. It does not reuse
/// the suppression code's reasoning (a circulation): it writes down the line
/// equations and attacks them two ways —
/// 1. bounds propagation over every equation, repeated until nothing changes;
/// 2. a search over all consistent completions: first one completion, then for
///    each withheld entry a completion that gives it another value. An entry is
///    recovered when none exists (its minimum equals its maximum).
///
/// The search bounds unknown counts by `ceiling` (a test passes the true grand
/// total + 1): two completions that differ in an entry also differ by a cycle
/// of ±1 steps, so a larger ceiling would find nothing new.
struct TableAttacker {
    /// Σ entries with +1 minus Σ entries with −1 is 0.
    struct Equation { let plus: [Int], minus: [Int] }

    let published: [PublishedCount]
    let equations: [Equation]
    let ceiling: Int
    /// What the attacker takes a "•" to be at least: 0, or 5 for the bolder guess.
    let hiddenAtLeast: Int

    init(_ table: PublishedTable, ceiling: Int, hiddenAtLeast: Int = 0) {
        published = table.allCounts
        self.ceiling = ceiling
        self.hiddenAtLeast = hiddenAtLeast
        let (rows, columns) = (table.rowKeys.count, table.columnKeys.count)
        func cell(_ r: Int, _ c: Int) -> Int { r * columns + c }
        var next = rows * columns
        var equations: [Equation] = []
        var rowTotals: [Int] = [], columnTotals: [Int] = []
        if table.rowTotals != nil {
            rowTotals = Array(next..<next + rows)
            next += rows
            for r in 0..<rows { equations.append(Equation(plus: (0..<columns).map { cell(r, $0) }, minus: [rowTotals[r]])) }
        }
        if table.columnTotals != nil {
            columnTotals = Array(next..<next + columns)
            next += columns
            for c in 0..<columns { equations.append(Equation(plus: (0..<rows).map { cell($0, c) }, minus: [columnTotals[c]])) }
        }
        let total = next
        if table.rowTotals != nil { equations.append(Equation(plus: rowTotals, minus: [total])) }
        if table.columnTotals != nil { equations.append(Equation(plus: columnTotals, minus: [total])) }
        if table.rowTotals == nil, table.columnTotals == nil {
            equations.append(Equation(plus: Array(0..<rows * columns), minus: [total]))
        }
        self.equations = equations
    }

    typealias Bounds = [ClosedRange<Int>]

    var knowledge: Bounds {
        published.map {
            switch $0 {
            case .shown(let value): value...value
            case .fewerThanFive: 1...4
            case .hidden: hiddenAtLeast...max(hiddenAtLeast, ceiling)
            }
        }
    }

    /// Narrows every entry by every equation until nothing changes; nil when
    /// the bounds admit no completion at all.
    func propagate(_ start: Bounds) -> Bounds? {
        var bounds = start
        var changed = true
        while changed {
            changed = false
            for equation in equations {
                let terms = equation.plus.map { ($0, 1) } + equation.minus.map { ($0, -1) }
                let low = terms.reduce(0) { $0 + ($1.1 > 0 ? bounds[$1.0].lowerBound : -bounds[$1.0].upperBound) }
                let high = terms.reduce(0) { $0 + ($1.1 > 0 ? bounds[$1.0].upperBound : -bounds[$1.0].lowerBound) }
                guard low <= 0, high >= 0 else { return nil }
                for (entry, sign) in terms {
                    // The rest of the equation lies in [low − mine, high − mine]; this entry balances it.
                    let mineLow = sign > 0 ? bounds[entry].lowerBound : -bounds[entry].upperBound
                    let mineHigh = sign > 0 ? bounds[entry].upperBound : -bounds[entry].lowerBound
                    let (restLow, restHigh) = (low - mineLow, high - mineHigh)
                    let newLow = sign > 0 ? max(bounds[entry].lowerBound, -restHigh) : max(bounds[entry].lowerBound, restLow)
                    let newHigh = sign > 0 ? min(bounds[entry].upperBound, -restLow) : min(bounds[entry].upperBound, restHigh)
                    guard newLow <= newHigh else { return nil }
                    if newLow != bounds[entry].lowerBound || newHigh != bounds[entry].upperBound {
                        bounds[entry] = newLow...newHigh
                        changed = true
                    }
                }
            }
        }
        return bounds
    }

    /// One completion within `bounds`, by trying values of the narrowest open entry.
    func completion(within bounds: Bounds) -> [Int]? {
        guard let bounds = propagate(bounds) else { return nil }
        guard let open = bounds.indices.filter({ bounds[$0].count > 1 }).min(by: { bounds[$0].count < bounds[$1].count }) else {
            return bounds.map(\.lowerBound)
        }
        for value in bounds[open] {
            var narrowed = bounds
            narrowed[open] = value...value
            if let found = completion(within: narrowed) { return found }
        }
        return nil
    }

    /// The withheld entries whose value is the same in every consistent
    /// completion, with that value (wrong only if the attacker's guess about
    /// "•" was wrong).
    func recovered() -> [Int: Int] {
        guard let propagated = propagate(knowledge), let one = completion(within: propagated) else { return [:] }
        var recovered: [Int: Int] = [:]
        for entry in published.indices where !published[entry].isShown {
            if propagated[entry].count == 1 { recovered[entry] = one[entry]; continue }
            var other = false
            let sides = [(propagated[entry].lowerBound, one[entry] - 1), (one[entry] + 1, propagated[entry].upperBound)]
            for (low, high) in sides where low <= high {
                var bounds = propagated
                bounds[entry] = low...high
                if completion(within: bounds) != nil { other = true; break }
            }
            if !other { recovered[entry] = one[entry] }
        }
        return recovered
    }

    /// What bounds propagation alone pins down, for tests that show its reach.
    func recoveredByBounds() -> Set<Int> {
        guard let bounds = propagate(knowledge) else { return [] }
        return Set(published.indices.filter { !published[$0].isShown && bounds[$0].count == 1 })
    }
}
