import SQLKit

/// Reading and changing keys on PostgreSQL, where constraints can be
/// dropped and added in place (and DDL is transactional).
extension TableKeys {
    private struct Constraint: Decodable {
        let kind: String, name: String, columns: [String], parent: String, parentColumns: [String], onDelete: String
    }

    private static func postgresConstraints(of table: String, on sql: any SQLDatabase) async throws -> [Constraint] {
        try await sql.raw("""
            SELECT c.contype::text AS kind, c.conname::text AS name,
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
                   COALESCE(NULLIF(c.confrelid, 0)::regclass::text, '') AS parent,
                   ARRAY(SELECT a.attname::text FROM unnest(COALESCE(c.confkey, '{}')) WITH ORDINALITY k(n, i)
                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS parent_columns,
                   c.confdeltype::text AS on_delete
            FROM pg_constraint c
            WHERE c.conrelid = \(bind: table)::regclass AND c.contype IN ('p', 'u', 'f')
            """).all(decoding: Constraint.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    private static let deleteRules: [String: DeleteRule] = ["a": .noAction, "r": .restrict, "c": .cascade, "n": .setNull, "d": .setDefault]

    static func postgres(_ table: String, on sql: any SQLDatabase) async throws -> TableKeys {
        let constraints = try await postgresConstraints(of: table, on: sql)
        return TableKeys(
            table: table,
            primaryKey: constraints.first { $0.kind == "p" }?.columns ?? [],
            uniques: Set(constraints.filter { $0.kind == "u" }.map(\.columns)),
            foreignKeys: Set(constraints.filter { $0.kind == "f" }.map {
                ForeignKey(columns: $0.columns, parent: $0.parent, parentColumns: $0.parentColumns, onDelete: deleteRules[$0.onDelete] ?? .noAction)
            }))
    }

    /// Gives each table the keys of its target, keeping every row: foreign
    /// keys that change go first, then primary keys and unique constraints,
    /// then the new foreign keys (which PostgreSQL checks against the data).
    static func reshapePostgres(to targets: [TableKeys], on sql: any SQLDatabase) async throws {
        var current: [String: [Constraint]] = [:]
        for target in targets { current[target.table] = try await postgresConstraints(of: target.table, on: sql) }
        for target in targets {
            for fk in current[target.table]!.filter({ $0.kind == "f" }) where !target.foreignKeys.contains(where: { matches(fk, $0) }) {
                try await sql.raw("ALTER TABLE \(ident: target.table) DROP CONSTRAINT \(ident: fk.name)").run()
            }
        }
        for target in targets {
            let constraints = current[target.table]!
            if let pk = constraints.first(where: { $0.kind == "p" }), pk.columns != target.primaryKey {
                try await sql.raw("ALTER TABLE \(ident: target.table) DROP CONSTRAINT \(ident: pk.name)").run()
                try await sql.raw("ALTER TABLE \(ident: target.table) ADD CONSTRAINT \(ident: target.table + "_pkey") PRIMARY KEY (\(idents: target.primaryKey, joinedBy: ", "))").run()
            }
            let existing = constraints.filter { $0.kind == "u" }
            for unique in existing where !target.uniques.contains(unique.columns) {
                try await sql.raw("ALTER TABLE \(ident: target.table) DROP CONSTRAINT \(ident: unique.name)").run()
            }
            for columns in target.uniques.sorted(by: { $0.joined() < $1.joined() }) where !existing.contains(where: { $0.columns == columns }) {
                try await sql.raw("ALTER TABLE \(ident: target.table) ADD CONSTRAINT \(ident: name(target.table, columns, "key")) UNIQUE (\(idents: columns, joinedBy: ", "))").run()
            }
        }
        for target in targets {
            let existing = current[target.table]!.filter { $0.kind == "f" }
            for fk in target.foreignKeys.sorted(by: { $0.columns.joined() < $1.columns.joined() }) where !existing.contains(where: { matches($0, fk) }) {
                try await sql.raw("""
                    ALTER TABLE \(ident: target.table) ADD CONSTRAINT \(ident: name(target.table, fk.columns, "fkey"))
                    FOREIGN KEY (\(idents: fk.columns, joinedBy: ", ")) REFERENCES \(ident: fk.parent) (\(idents: fk.parentColumns, joinedBy: ", "))
                    ON DELETE \(unsafeRaw: fk.onDelete.rawValue)
                    """).run()
            }
        }
    }

    private static func matches(_ constraint: Constraint, _ fk: ForeignKey) -> Bool {
        constraint.columns == fk.columns && constraint.parent == fk.parent && constraint.parentColumns == fk.parentColumns
            && deleteRules[constraint.onDelete] == fk.onDelete
    }
}
