import Fluent
import FluentPostgresDriver
import Vapor

extension DatabaseID {
    static let analytics = DatabaseID(string: "analytics")
}

/// The monitor's reads can go to a PostgreSQL streaming replica, so the
/// heavy read side does not load the primary (issue 27). Everything on a
/// monitor page comes from that one database, so "figures up to <time>"
/// describes exactly the figures shown, however far the replica lags.
/// A replica that does not answer at start-up is left out with a warning:
/// the monitor then reads from the primary, never an error page.
enum AnalyticsDatabase {
    static func use(_ url: String?, on app: Application) async throws {
        app.storage[InUseKey.self] = false
        guard let url else { return }
        app.databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 2, connectionPoolTimeout: .seconds(5)), as: .analytics, isDefault: false)
        do {
            try await withTimeout(seconds: 5) { _ = try await app.db(.analytics).sql.raw("SELECT 1").all() }
            app.storage[InUseKey.self] = true
            app.logger.notice("the monitor reads from the replica at DATABASE_READ_URL")
        } catch {
            app.logger.warning("DATABASE_READ_URL does not answer (\(String(describing: error))); the monitor reads from the primary")
        }
    }

    private static func withTimeout(seconds: Int64, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask { try await Task.sleep(for: .seconds(seconds)); throw Abort(.gatewayTimeout) }
            try await group.next()
            group.cancelAll()
        }
    }

    struct InUseKey: StorageKey { typealias Value = Bool }
}

extension Request {
    /// Where aggregate pages read: the replica when one answered at start-up, else the primary.
    var analyticsDB: any Database {
        application.storage[AnalyticsDatabase.InUseKey.self] == true ? db(.analytics) : db
    }
}
