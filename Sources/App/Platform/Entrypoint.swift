import Vapor

/// What the `samenspel` executable does: read the configuration, register
/// the commands, prepare the database when serving, then run the command.
public enum Entrypoint {
    public static func run(_ app: Application, seedDemo: Bool) async throws {
        let command = app.environment.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
        // Setting up would create a database and keys where the backup's go.
        if command == "restore" {
            return try RestoreCommand.run(arguments: Array(app.environment.arguments.drop { $0 != "restore" }.dropFirst()))
        }
        try await configure(app, config: try AppConfig.fromEnvironment())
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(AuditCommand(), as: "audit")
        app.asyncCommands.use(KpiCommand(), as: "kpi")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RetentionCommand(), as: "retention")
        app.asyncCommands.use(SignalsCommand(), as: "signals")
        app.asyncCommands.use(PostcodesCommand(), as: "postcodes")
        app.asyncCommands.use(MailCommand(), as: "mail")
        let env = ProcessInfo.processInfo.environment
        app.http.server.configuration.hostname = env["SAMENSPEL_HOST"] ?? "127.0.0.1"
        app.http.server.configuration.port = env["SAMENSPEL_PORT"].flatMap(Int.init) ?? 8080

        // Every command but the migration tools needs a current schema.
        if !["migrate", "routes"].contains(command) {
            try await StartupCheck.prepareDatabase(app)
        }
        if command == "serve" {
            try Observability.start(app, environment: env)
            // Only a serving app checkpoints the access log; `audit verify` must not bless what it reads.
            if let interval = app.config.auditCheckpointInterval {
                app.lifecycle.use(AuditCheckpointLifecycle(interval: interval))
            }
            if let interval = app.config.kpiRefreshInterval {
                app.lifecycle.use(MonitorRefreshLifecycle(interval: interval))
            }
            if let interval = app.config.outboxInterval {
                app.lifecycle.use(RepeatingJob.outbox(every: interval))
            }
            if let interval = app.config.retentionInterval {
                app.lifecycle.use(RepeatingJob.retention(every: interval))
            }
            if let interval = app.config.mailInterval {
                app.lifecycle.use(RepeatingJob.mail(every: interval))
            }
            // A file's import starts at once on the server that took the go-ahead; this takes up one whose server stopped.
            app.lifecycle.use(RepeatingJob.signalImports(every: 30))
            if seedDemo {
                let logins = try await DemoTenant.seed(app: app)
                if let report = try await DemoTenant.seedMunicipality(app: app) {
                    app.logger.notice("demo municipality: \(report.residents) residents, \(report.rows) rows in \(String(format: "%.1f", report.seconds)) s")
                }
                let started = Date()
                try await DemoTenant.refreshMonitor(app: app)
                app.logger.notice("demo monitor refreshed in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                app.logger.notice("\n\(DemoCommand.table(logins))")
            }
        }
        try await app.execute()
        if command == "serve" {
            // Vapor's own shutdown closes the databases before it stops the
            // HTTP server, so requests still running would find no database
            // and crash. Stopping the server first lets them finish.
            await app.server.shutdown()
        }
    }
}
