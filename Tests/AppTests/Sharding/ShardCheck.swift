import SQLKit
@testable import App

/// What a distributed PostgreSQL needs from a table's keys, checked against
/// `ShardLayout`: the reasons it could not be sharded (or replicated) as listed.
enum ShardCheck {
    static func problems(_ keys: TableKeys, uniqueIndexes: [[String]]) -> [String] {
        let table = keys.table
        guard let column = ShardLayout.distributionColumn(of: table) else {
            return keys.foreignKeys.filter { ShardLayout.isDistributed($0.parent) }.map {
                "\(table) is a reference table but refers to the distributed \($0.parent) (\($0.columns.joined(separator: ", ")))"
            }
        }
        var problems: [String] = []
        if !keys.primaryKey.contains(column) {
            problems.append("\(table): primary key (\(keys.primaryKey.joined(separator: ", "))) lacks \(column) — shard it by its tenant or list it in ShardLayout.reference")
        }
        for unique in keys.uniques.union(uniqueIndexes) where !unique.contains(column) {
            problems.append("\(table): unique (\(unique.joined(separator: ", "))) lacks \(column)")
        }
        for fk in keys.foreignKeys where ShardLayout.isDistributed(fk.parent) {
            let pairs = zip(fk.columns, fk.parentColumns)
            if !pairs.contains(where: { $0 == (column, column) }) || pairs.contains(where: { ($0.0 == column) != ($0.1 == column) }) {
                problems.append("\(table): reference (\(fk.columns.joined(separator: ", "))) → \(fk.parent) (\(fk.parentColumns.joined(separator: ", "))) does not pair \(column) with \(column)")
            }
        }
        return problems
    }
}

/// Every table's keys and unique indexes, read from the database's own catalog.
struct Catalog {
    var keys: [String: TableKeys] = [:]
    var uniqueIndexes: [String: [[String]]] = [:]

    private struct Name: Decodable { let name: String }
    private struct UniqueIndex: Decodable { let table: String, columns: [String] }
    private struct SQLiteIndex: Decodable { let name: String, unique: Int }
    private struct IndexColumn: Decodable { let seqno: Int, name: String }

    static func read(_ sql: any SQLDatabase) async throws -> Catalog {
        var catalog = Catalog()
        if sql.dialect.name == "sqlite" {
            let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all(decoding: Name.self)
            for table in tables.map(\.name) {
                catalog.keys[table] = try await TableKeys.sqlite(table, on: sql)
                for index in try await sql.raw("PRAGMA index_list(\(ident: table))").all(decoding: SQLiteIndex.self) where index.unique == 1 {
                    let columns = try await sql.raw("PRAGMA index_info(\(ident: index.name))").all(decoding: IndexColumn.self)
                    catalog.uniqueIndexes[table, default: []].append(columns.sorted { $0.seqno < $1.seqno }.map(\.name))
                }
            }
        } else {
            let tables = try await sql.raw("SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
                .all(decoding: Name.self)
            for table in tables.map(\.name) { catalog.keys[table] = try await TableKeys.postgres(table, on: sql) }
            let indexes = try await sql.raw("""
                SELECT i.indrelid::regclass::text AS table,
                       ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) AS columns
                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                WHERE i.indisunique AND c.relnamespace = 'public'::regnamespace
                """).all(decoding: UniqueIndex.self)
            for index in indexes { catalog.uniqueIndexes[index.table, default: []].append(index.columns) }
        }
        return catalog
    }
}
