import Foundation
import Testing

/// DESIGN.md §4: all tenant data goes through one tenant-scoped query helper.
/// Hot reads are plain SQL (Fluent costs too much per query there), so this
/// test holds every hand-written query in the sources to the same rule:
/// each one that reads a tenant's table binds the tenant.
@Suite("Hand-written SQL")
struct HandWrittenSQLTests {
    /// Tables that are not a tenant's data: the tenants themselves, the access
    /// log's chain heads (one per tenant chain, by name), the catalogues.
    static let notTenantData: Set<String> = ["tenants", "access_log_heads", "sqlite_master", "pg_constraint", "pg_attribute", "pg_tables", "unnest"]

    /// Why `sql` reads a tenant's table without binding the tenant, or nil when it is fine.
    static func problem(_ sql: String) -> String? {
        let tables = matches(#"(?i)\b(?:FROM|JOIN)\s+([a-z_]+)"#, in: sql).filter { !notTenantData.contains($0) }
        guard !tables.isEmpty else { return nil }
        let bound = matches(#"tenant_id\s*=\s*(\\\(bind:|[a-z]+\.tenant_id)"#, in: sql).count
        let mentions = sql.components(separatedBy: "tenant_id").count - 1
        if bound == 0 { return "reads \(tables.joined(separator: ", ")) without binding a tenant" }
        if mentions < tables.count { return "reads \(tables.count) tables but names tenant_id only \(mentions) times" }
        return nil
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return String(text[Range(range, in: text)!])
        }
    }

    /// The SQL string literals of a Swift file: multi-line ones, and one-line
    /// ones that start with a statement.
    static func sqlLiterals(in source: String) -> [String] {
        matches(#"(?s)"""\n(.*?)""""#, in: source).filter { $0.range(of: #"(?i)\b(SELECT|UPDATE|DELETE|INSERT|EXISTS)\b"#, options: .regularExpression) != nil }
            + matches(#""((?:SELECT|UPDATE|DELETE) (?:[^"\\]|\\.)*)""#, in: source)
    }

    @Test func theCheckerCatchesAQueryWithoutTheTenant() {
        #expect(Self.problem(#"SELECT id FROM households WHERE id = \(bind: id)"#) != nil)
        #expect(Self.problem(#"SELECT h.id FROM households h JOIN residents r ON r.household_id = h.id WHERE h.tenant_id = \(bind: tenantID)"#) != nil)
        #expect(Self.problem(#"SELECT id FROM households WHERE tenant_id = \(bind: tenantID)"#) == nil)
        #expect(Self.problem(#"SELECT reassessment_months FROM tenants WHERE id = \(bind: id)"#) == nil)
        let source = "let a = db.raw(\"SELECT name FROM users WHERE id = \\(bind: id)\")\nlet b = \"\"\"\n    SELECT 1 FROM consents\n    \"\"\"\n"
        #expect(Self.sqlLiterals(in: source).count == 2 && Self.sqlLiterals(in: source).allSatisfy { Self.problem($0) != nil })
    }

    @Test func everyHandWrittenQueryBindsTheTenant() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources/App").standardized
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var checked = 0
        for file in files {
            for sql in Self.sqlLiterals(in: try String(contentsOf: file, encoding: .utf8)) {
                checked += 1
                if let problem = Self.problem(sql) { Issue.record("\(file.lastPathComponent): \(problem):\n\(sql)") }
            }
        }
        #expect(checked >= 15, "the sources' hand-written queries were found")
    }
}
