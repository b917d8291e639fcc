import App
import Logging
import Vapor

// `serve --demo` seeds the demo tenant first; Vapor's serve command does not
// know the flag, so it is taken out here.
var arguments = CommandLine.arguments
let seedDemo = arguments.contains("--demo")
arguments.removeAll { $0 == "--demo" }

var env = try Environment.detect(arguments: arguments)
// Logs go to standard error — as key=value lines, or one JSON object per
// line with LOG_FORMAT=json — so standard output stays clean for what
// commands print (`demo --json`).
let jsonLogs = ProcessInfo.processInfo.environment["LOG_FORMAT"] == "json"
try LoggingSystem.bootstrap(from: &env) { level in
    { label in
        if jsonLogs { return JSONLogHandler(label: label, level: level) }
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
}
let app = try await Application.make(env)
do {
    try await Entrypoint.run(app, seedDemo: seedDemo)
    try await app.asyncShutdown()
} catch {
    app.logger.critical("\(error)")
    try? await app.asyncShutdown()
    exit(1)
}
