import Logging
import NIOCore
import SQLKit
import Tracing

/// A database whose statements each become a span (`Observability`): the
/// statement's text with its binds as placeholders, the database system, and
/// the operation. Everything else passes through.
struct TracedSQLDatabase: SQLDatabase {
    let base: any SQLDatabase

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let text = base.serialize(query).sql
        let operation = String(text.drop { $0.isWhitespace }.prefix { !$0.isWhitespace }).uppercased()
        try await withSpan("sql \(operation)", ofKind: .client) { span in
            span.attributes["db.system.name"] = dialect.name == "postgresql" ? "postgresql" : dialect.name
            span.attributes["db.operation.name"] = operation
            span.attributes["db.query.text"] = String(text.prefix(2000))
            try await base.execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.withSession { try await closure(TracedSQLDatabase(base: $0)) }
    }
}
