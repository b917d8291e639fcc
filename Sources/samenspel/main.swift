import App
import Logging
import Vapor

// `serve --demo` seeds the demo tenant first; Vapor's serve command does not
// know the flag, so it is taken out here.
var arguments = CommandLine.arguments
let seedDemo = arguments.contains("--demo")
arguments.removeAll { $0 == "--demo" }

var env = try Environment.detect(arguments: arguments)
try LoggingSystem.bootstrap(from: &env)
let app = try await Application.make(env)
do {
    try await Entrypoint.run(app, seedDemo: seedDemo)
    try await app.asyncShutdown()
} catch {
    app.logger.critical("\(error)")
    try? await app.asyncShutdown()
    exit(1)
}
