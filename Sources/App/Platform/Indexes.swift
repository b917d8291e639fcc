import Fluent
import SQLKit

extension Database {
    /// A plain (non-unique) index, the same on SQLite and PostgreSQL; Fluent's
    /// schema builder only knows unique constraints.
    func createIndex(_ name: String, on table: String, _ columns: String...) async throws {
        try await createIndex(name, on: table, columns: columns)
    }

    func createIndex(_ name: String, on table: String, columns: [String]) async throws {
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    func dropIndex(_ name: String) async throws {
        try await sql.drop(index: name).run()
    }
}
