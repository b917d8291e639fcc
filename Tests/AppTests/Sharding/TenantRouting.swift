import Foundation
@testable import App

/// Whether a router in front of a distributed PostgreSQL could send a
/// statement to one shard: every distributed table it touches must be tied
/// to a bound value of its distribution column, directly (`t.tenant_id = $1`)
/// or through an equality with another table that is (`a.tenant_id = b.tenant_id`).
enum TenantRouting {
    /// Why `statement` could not be routed to one shard, or nil when it can.
    static func problem(_ statement: String) -> String? {
        let sql = statement.replacingOccurrences(of: "\"", with: "").lowercased()
        // An insert is routed by the value it writes into the distribution column.
        var routed = Set<String>()
        if let insert = firstMatch(#"^\s*insert\s+into\s+([a-z_]+)\s*\(([^)]*)\)"#, in: sql), let column = ShardLayout.distributionColumn(of: insert[0]) {
            let columns = insert[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if !columns.contains(column) { return "inserts into \(insert[0]) without \(column)" }
            routed.insert(insert[0])
        }
        var aliases: [String: String] = [:]  // alias (or name) → table, distributed ones only
        let keywords: Set<String> = ["where", "join", "on", "left", "inner", "group", "order", "limit", "using", "set", "values", "as", "cross", "union", "select", "returning", "natural"]
        for match in allMatches(#"\b(?:from|join|update|into)\s+([a-z_]+)(?:\s+(?:as\s+)?([a-z_]\w*))?"#, in: sql) {
            guard ShardLayout.isDistributed(match[0]) else { continue }
            let alias = match.count > 1 && !match[1].isEmpty && !keywords.contains(match[1]) ? match[1] : match[0]
            aliases[alias] = match[0]
        }
        guard !aliases.isEmpty else { return nil }
        // Unqualified conditions (`WHERE tenant_id = ?` in each subquery) count when there is one per table.
        let bare = Set(aliases.values.compactMap(ShardLayout.distributionColumn(of:))).reduce(0) { count, column in
            count + allMatches(#"(?<![\w.])"# + column + #"\s*=\s*(?:\$\d+|\?\d*)"#, in: sql).count
        }
        for (alias, table) in aliases {
            let column = ShardLayout.distributionColumn(of: table)!
            let qualified = #"\b"# + NSRegularExpression.escapedPattern(for: alias) + #"\."# + column + #"\s*=\s*(?:\$\d+|\?\d*)"#
            if !allMatches(qualified, in: sql).isEmpty || bare >= aliases.count { routed.insert(alias) }
        }
        // Equalities between tables' distribution columns carry a bound value across a join.
        let joins = allMatches(#"\b([a-z_]\w*)\.(?:tenant_id|chain)\s*=\s*([a-z_]\w*)\.(?:tenant_id|chain)\b"#, in: sql)
        var changed = true
        while changed {
            changed = false
            for pair in joins where routed.contains(pair[0]) != routed.contains(pair[1]) {
                routed.formUnion(pair); changed = true
            }
        }
        let unrouted = aliases.keys.filter { !routed.contains($0) }.sorted()
        return unrouted.isEmpty ? nil : "reads or writes \(unrouted.map { aliases[$0]! }.joined(separator: ", ")) without a bound \(unrouted.map { ShardLayout.distributionColumn(of: aliases[$0]!)! }.first!)"
    }

    private static func firstMatch(_ pattern: String, in text: String) -> [String]? { allMatches(pattern, in: text).first }

    private static func allMatches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { i in Range(match.range(at: i), in: text).map { String(text[$0]) } ?? "" }
        }
    }
}
