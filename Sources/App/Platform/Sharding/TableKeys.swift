/// A table's primary key, unique constraints and foreign keys: the part of
/// its shape that decides whether a distributed PostgreSQL can shard it by
/// municipality. Read from either database's catalog, changed by the pure
/// functions below, and written back by `TableKeys+Postgres` / `+SQLite`.
struct TableKeys: Equatable, Sendable {
    struct ForeignKey: Hashable, Sendable {
        var columns: [String]
        var parent: String
        var parentColumns: [String]
        var onDelete: DeleteRule
    }

    enum DeleteRule: String, Sendable {
        case noAction = "NO ACTION", restrict = "RESTRICT", cascade = "CASCADE", setNull = "SET NULL", setDefault = "SET DEFAULT"
    }

    var table: String
    var primaryKey: [String]
    var uniques: Set<[String]>
    var foreignKeys: Set<ForeignKey>
}

extension TableKeys {
    /// The keys with `column` (the shard key) leading the primary key and
    /// every unique constraint, and carried by every foreign key to a parent
    /// sharded by the same column. A composite reference cannot "set null"
    /// one of its columns on SQLite, so such a reference takes no action:
    /// the app clears it before deleting the parent.
    func carrying(_ column: String, parentsShardedBy sameColumn: (String) -> Bool) -> TableKeys {
        var keys = self
        keys.primaryKey = Self.leading(column, primaryKey)
        keys.uniques = Set(uniques.map { Self.leading(column, $0) })
        keys.foreignKeys = Set(foreignKeys.map { fk in
            guard sameColumn(fk.parent), !fk.columns.contains(column) else { return fk }
            return ForeignKey(columns: [column] + fk.columns, parent: fk.parent, parentColumns: [column] + fk.parentColumns,
                              onDelete: fk.onDelete == .setNull ? .noAction : fk.onDelete)
        })
        return keys
    }

    /// The inverse of `carrying`, given what it cannot know: which unique
    /// constraints did not include the column, and which references set null.
    func dropping(_ column: String, narrowUniques: Set<[String]>, settingNull: Set<String>) -> TableKeys {
        var keys = self
        keys.primaryKey = primaryKey.filter { $0 != column }
        keys.uniques = Set(uniques.map { unique in
            let narrow = unique.filter { $0 != column }
            return narrowUniques.contains(narrow) ? narrow : unique
        })
        keys.foreignKeys = Set(foreignKeys.map { fk in
            guard fk.columns.first == column, fk.parentColumns.first == column, fk.columns.count > 1 else { return fk }
            let columns = Array(fk.columns.dropFirst())
            let rule = columns.count == 1 && settingNull.contains(columns[0]) ? DeleteRule.setNull : fk.onDelete
            return ForeignKey(columns: columns, parent: fk.parent, parentColumns: Array(fk.parentColumns.dropFirst()), onDelete: rule)
        })
        return keys
    }

    private static func leading(_ column: String, _ columns: [String]) -> [String] {
        columns.contains(column) ? columns : [column] + columns
    }

    /// A constraint name both databases accept (PostgreSQL's own convention).
    static func name(_ table: String, _ columns: [String], _ suffix: String) -> String {
        String(([table] + columns + [suffix]).joined(separator: "_").prefix(63))
    }
}
