import SQLKit

/// Reading and changing keys on SQLite, which cannot alter a primary key or
/// a foreign key in place: the table is rebuilt under its own name, as
/// SQLite's documentation prescribes (foreign keys off, one transaction).
extension TableKeys {
    private struct Column: Decodable { let name: String, type: String, notnull: Int, dfltValue: String?, pk: Int }
    private struct Reference: Decodable { let id: Int, seq: Int, table: String, from: String, to: String, onDelete: String }
    private struct Index: Decodable { let name: String, origin: String }
    private struct IndexColumn: Decodable { let seqno: Int, name: String }
    private struct Statement: Decodable { let sql: String }

    private static func columns(of table: String, on sql: any SQLDatabase) async throws -> [Column] {
        try await sql.raw("PRAGMA table_info(\(ident: table))").all(decoding: Column.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    static func sqlite(_ table: String, on sql: any SQLDatabase) async throws -> TableKeys {
        let primaryKey = try await columns(of: table, on: sql).filter { $0.pk > 0 }.sorted { $0.pk < $1.pk }.map(\.name)
        var uniques: Set<[String]> = []
        for index in try await sql.raw("PRAGMA index_list(\(ident: table))").all(decoding: Index.self) where index.origin == "u" {
            uniques.insert(try await sql.raw("PRAGMA index_info(\(ident: index.name))").all(decoding: IndexColumn.self).sorted { $0.seqno < $1.seqno }.map(\.name))
        }
        let references = try await sql.raw("PRAGMA foreign_key_list(\(ident: table))").all(decoding: Reference.self, keyDecodingStrategy: .convertFromSnakeCase)
        let foreignKeys = Dictionary(grouping: references, by: \.id).values.map { parts -> ForeignKey in
            let ordered = parts.sorted { $0.seq < $1.seq }
            return ForeignKey(columns: ordered.map(\.from), parent: ordered[0].table, parentColumns: ordered.map(\.to),
                              onDelete: DeleteRule(rawValue: ordered[0].onDelete) ?? .noAction)
        }
        return TableKeys(table: table, primaryKey: primaryKey, uniques: uniques, foreignKeys: Set(foreignKeys))
    }

    /// Rebuilds each table with its target's keys, copying every row and
    /// recreating its indexes; then asks SQLite whether any reference broke.
    static func reshapeSQLite(to targets: [TableKeys], on db: any SQLDatabase) async throws {
        for target in targets {
            let table = target.table, rebuilt = target.table + "_rekeyed"
            let columns = try await columns(of: table, on: db)
            let indexes = try await db.raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table) AND sql IS NOT NULL")
                .all(decoding: Statement.self)
            let definitions = columns.map { column -> String in
                var definition = "\(quoted(column.name)) \(column.type)"
                if column.notnull != 0 || target.primaryKey.contains(column.name) { definition += " NOT NULL" }
                if let value = column.dfltValue { definition += " DEFAULT \(value)" }
                return definition
            } + ["PRIMARY KEY (\(list(target.primaryKey)))"]
                + target.uniques.sorted { $0.joined() < $1.joined() }.map { "UNIQUE (\(list($0)))" }
                + target.foreignKeys.sorted { $0.columns.joined() < $1.columns.joined() }.map {
                    "FOREIGN KEY (\(list($0.columns))) REFERENCES \(quoted($0.parent)) (\(list($0.parentColumns))) ON DELETE \($0.onDelete.rawValue)"
                }
            let names = list(columns.map(\.name))
            try await db.raw("CREATE TABLE \(ident: rebuilt) (\(unsafeRaw: definitions.joined(separator: ", ")))").run()
            try await db.raw("INSERT INTO \(ident: rebuilt) (\(unsafeRaw: names)) SELECT \(unsafeRaw: names) FROM \(ident: table)").run()
            try await db.raw("DROP TABLE \(ident: table)").run()
            try await db.raw("ALTER TABLE \(ident: rebuilt) RENAME TO \(ident: table)").run()
            for index in indexes { try await db.raw("\(unsafeRaw: index.sql)").run() }
        }
        let broken = try await db.raw("PRAGMA foreign_key_check").all()
        guard broken.isEmpty else { throw ReshapeError.brokenReferences(broken.count) }
    }

    enum ReshapeError: Error { case brokenReferences(Int) }

    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    private static func list(_ names: [String]) -> String { names.map(quoted).joined(separator: ", ") }
}
