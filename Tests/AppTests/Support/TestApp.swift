import Fluent
import Domain
import Foundation
import Vapor
import VaporTesting
@testable import App

/// Runs `body` against a fresh application and database: in-memory SQLite,
/// or, when DATABASE_URL is set, a PostgreSQL database cloned from a
/// migrated template and dropped afterwards, so tests never share state.
func withApp(
    behindTLS: Bool = false, sessionPolicy: SessionPolicyOverride? = nil, logHandler: (any LogHandler)? = nil,
    _ body: (Application) async throws -> Void
) async throws {
    let database = try await TestDatabase.fresh()
    // Each app its own checkpoint file: chains of different tests share names ("platform").
    let checkpoints = NSTemporaryDirectory() + "samenspel-checkpoints-\(UUID().uuidString).log"
    defer { try? FileManager.default.removeItem(atPath: checkpoints) }
    // And its own data directory: documents and mail of one test are never another's (a backup holds all there are).
    let dataDirectory = NSTemporaryDirectory() + "samenspel-data-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    // From the start, so the database's connections log to it too (their
    // logger is fixed when they open: statements in a transaction go there).
    if let logHandler { app.logger = Logger(label: "sql") { _ in logHandler } }
    // Its own blocking pool: SQLite's busy handler spins on a pool thread while
    // another connection holds the write lock, and with the process-wide pool
    // two tests' spinners could take every thread their lock holders need.
    app.threadPool = NIOThreadPool(numberOfThreads: 2)
    do {
        var config = AppConfig(database: database.choice, dataDirectory: dataDirectory, keys: .random(), behindTLS: behindTLS, bcryptCost: 4,
                               auditCheckpointFile: checkpoints)
        if let sessionPolicy { config.sessionPolicy = sessionPolicy.policy }
        // Locks of an hour: a loaded machine must never outwait one mid-test
        // (the durations themselves are LockoutPolicy's unit tests).
        config.lockout.account.baseDelay = 3600
        config.lockout.address.baseDelay = 3600
        try await configure(app, config: config)
        if case .sqliteMemory = database.choice { try await app.autoMigrate() }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? await database.drop()
        throw error
    }
    try await app.asyncShutdown()
    try await database.drop()
}

struct SessionPolicyOverride { let policy: Domain.SessionPolicy }

struct TestDatabase {
    let choice: AppConfig.DatabaseChoice
    let drop: @Sendable () async throws -> Void

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func fresh() async throws -> TestDatabase {
        guard let base = postgresURL else { return TestDatabase(choice: .sqliteMemory, drop: {}) }
        let name = try await PostgresTemplate.shared.clone(base: base)
        return TestDatabase(choice: .postgres(url: replacingDatabase(in: base, with: name))) {
            try await PostgresTemplate.shared.drop(name, base: base)
        }
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/\(name)"
        return components.string!
    }
}

/// One migrated template database per test run; each test gets a copy.
actor PostgresTemplate {
    static let shared = PostgresTemplate()
    static let templateName = "samenspel_test_template"

    private var admin: Application?
    /// Set-up and clones run one at a time: the actor alone would interleave at
    /// every await, and PostgreSQL refuses to copy a template that is in use.
    private var tail: Task<Void, Never> = Task {}
    private var templateBuilt = false

    func clone(base: String) async throws -> String {
        try await serially { [self] in
            let admin = try await self.adminApp(base: base)
            if await !self.templateBuilt {
                try await Self.buildTemplate(admin: admin, base: base)
                await self.markBuilt()
            }
            let name = "samenspel_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
            try await admin.db.sql.raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE \(unsafeRaw: Self.templateName)").run()
            return name
        }
    }

    /// A new, empty database (for a restore to go into).
    func empty(base: String) async throws -> String {
        try await serially { [self] in
            let name = "samenspel_empty_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
            try await self.adminApp(base: base).db.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            return name
        }
    }

    func drop(_ name: String, base: String) async throws {
        try await serially { [self] in
            try await self.adminApp(base: base).db.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
        }
    }

    private func markBuilt() { templateBuilt = true }

    private func serially<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tail
        let task = Task { await previous.value; return try await operation() }
        tail = Task { _ = try? await task.value }
        return try await task.value
    }

    private static func buildTemplate(admin: Application, base: String) async throws {
        try await admin.db.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: templateName) WITH (FORCE)").run()
        try await admin.db.sql.raw("CREATE DATABASE \(unsafeRaw: templateName)").run()
        let migrator = try await Application.make(.testing)
        migrator.logger.logLevel = .warning
        do {
            try await configure(migrator, config: AppConfig(
                database: .postgres(url: TestDatabase.replacingDatabase(in: base, with: templateName)),
                dataDirectory: NSTemporaryDirectory(), keys: .random(), bcryptCost: 4))
            try await migrator.autoMigrate()
        } catch {
            try? await migrator.asyncShutdown()
            throw error
        }
        try await migrator.asyncShutdown()
    }

    private func adminApp(base: String) async throws -> Application {
        if let admin { return admin }
        let app = try await Application.make(.testing)
        app.databases.use(try .postgres(url: base), as: .psql)
        admin = app
        return app
    }
}
