import Domain
import Foundation
import Vapor

/// Every setting Samenspel reads from its environment, read in one place.
public struct AppConfig: Sendable {
    public enum DatabaseChoice: Sendable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(url: String)

        public var isEmbedded: Bool {
            if case .postgres = self { return false }
            return true
        }
    }

    public var database: DatabaseChoice
    public var dataDirectory: String
    public var keys: Keys
    public var sessionPolicy: SessionPolicy
    /// Set when a TLS-terminating proxy sits in front: cookies become Secure and HSTS is sent.
    public var behindTLS: Bool
    public var bcryptCost: Int
    public var breakTheGlassHours: Int
    /// The append-only file the access log's signed checkpoints go to.
    public var auditCheckpointFile: String
    /// How often `serve` writes checkpoints; nil writes none by itself (tests).
    public var auditCheckpointInterval: TimeInterval?
    /// How often `serve` refreshes the monitor's figures; nil refreshes only on command (tests).
    public var kpiRefreshInterval: TimeInterval?
    /// How often a serving app delivers events; nil: never.
    public var outboxInterval: TimeInterval? = 5
    /// How far back before its watermark a refresh looks again: a transaction
    /// that started earlier may commit after the watermark was set.
    public var kpiOverlap: TimeInterval = 300
    /// A PostgreSQL streaming replica for the monitor's reads (`DATABASE_READ_URL`).
    public var readDatabaseURL: String?
    /// Where others reach this Samenspel (events name their objects by it), without a trailing slash.
    public var publicURL = "http://127.0.0.1:8080"
    /// Where mail goes: SMTP when `SAMENSPEL_SMTP_HOST` is set, else `data/mail`.
    public var mail: MailTransportChoice
    /// The sender of every mail (`SAMENSPEL_MAIL_FROM`).
    public var mailFrom = "Samenspel <noreply@samenspel.invalid>"
    /// How often a serving app sends mail and looks for reminders due; nil: never.
    public var mailInterval: TimeInterval? = 30
    /// How often a serving app erases what passed its retention period; nil: never.
    public var retentionInterval: TimeInterval? = 24 * 3600
    /// How failed logins lock an account and an address (tests lengthen the
    /// locks, so a slow machine cannot outwait one mid-test).
    public var lockout = LoginLockout()

    public init(
        database: DatabaseChoice, dataDirectory: String, keys: Keys,
        sessionPolicy: SessionPolicy = .init(), behindTLS: Bool = false,
        bcryptCost: Int = 12, breakTheGlassHours: Int = 24,
        auditCheckpointFile: String? = nil, auditCheckpointInterval: TimeInterval? = nil,
        kpiRefreshInterval: TimeInterval? = nil
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.keys = keys
        self.sessionPolicy = sessionPolicy
        self.behindTLS = behindTLS
        self.bcryptCost = bcryptCost
        self.breakTheGlassHours = breakTheGlassHours
        self.auditCheckpointFile = auditCheckpointFile ?? "\(dataDirectory)/audit-checkpoints.log"
        self.auditCheckpointInterval = auditCheckpointInterval
        self.kpiRefreshInterval = kpiRefreshInterval
        self.mail = .folder("\(dataDirectory)/mail")
    }

    /// Reads the process environment; creates the data directory and key file
    /// for the embedded default.
    public static func fromEnvironment() throws -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        let dataDirectory = env["SAMENSPEL_DATA_DIR"] ?? "data"
        let database: DatabaseChoice
        if let url = env["DATABASE_URL"], !url.isEmpty {
            database = .postgres(url: url)
        } else {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            database = .sqliteFile("\(dataDirectory)/samenspel.sqlite")
        }
        // Several app servers share one PostgreSQL, so there the keys must come
        // from the environment; only the embedded default keeps its own key file.
        let keys = try Keys.load(environment: env, keyFile: database.isEmbedded ? "\(dataDirectory)/keys.json" : nil)
        var config = AppConfig(
            database: database,
            dataDirectory: dataDirectory,
            keys: keys,
            sessionPolicy: SessionPolicy(
                idleTimeout: TimeInterval(env["SAMENSPEL_IDLE_TIMEOUT_MINUTES"].flatMap(Int.init) ?? 30) * 60,
                absoluteTimeout: TimeInterval(env["SAMENSPEL_ABSOLUTE_TIMEOUT_HOURS"].flatMap(Int.init) ?? 12) * 3600
            ),
            behindTLS: env["SAMENSPEL_BEHIND_TLS"] == "true",
            bcryptCost: env["SAMENSPEL_BCRYPT_COST"].flatMap(Int.init) ?? 12,
            breakTheGlassHours: env["SAMENSPEL_BREAK_THE_GLASS_HOURS"].flatMap(Int.init) ?? 24,
            auditCheckpointFile: env["SAMENSPEL_AUDIT_CHECKPOINTS"],
            auditCheckpointInterval: TimeInterval(env["SAMENSPEL_AUDIT_CHECKPOINT_SECONDS"].flatMap(Int.init) ?? 60),
            kpiRefreshInterval: (env["SAMENSPEL_KPI_REFRESH_SECONDS"].flatMap(Int.init) ?? 300).positiveInterval
        )
        config.kpiOverlap = TimeInterval(max(0, env["SAMENSPEL_KPI_OVERLAP_SECONDS"].flatMap(Int.init) ?? 300))
        config.outboxInterval = (env["SAMENSPEL_OUTBOX_SECONDS"].flatMap(Int.init) ?? 5).positiveInterval
        config.mail = try SMTPSettings.choice(environment: env, dataDirectory: dataDirectory)
        if let from = env["SAMENSPEL_MAIL_FROM"], !from.isEmpty { config.mailFrom = from }
        config.retentionInterval = (env["SAMENSPEL_RETENTION_HOURS"].flatMap(Int.init) ?? 24).positiveInterval.map { $0 * 3600 }
        config.mailInterval = (env["SAMENSPEL_MAIL_SECONDS"].flatMap(Int.init) ?? 30).positiveInterval
        if let url = env["SAMENSPEL_PUBLIC_URL"], !url.isEmpty { config.publicURL = String(url.reversed().drop { $0 == "/" }.reversed()) }
        if case .postgres = database { config.readDatabaseURL = env["DATABASE_READ_URL"].flatMap { $0.isEmpty ? nil : $0 } }
        return config
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    public var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:config:) was not called") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}

private extension Int {
    /// Seconds as an interval; 0 or less means "never".
    var positiveInterval: TimeInterval? { self > 0 ? TimeInterval(self) : nil }
}
