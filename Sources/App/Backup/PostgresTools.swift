import Foundation

/// PostgreSQL's own client programs (pg_dump, pg_restore, psql), found on the
/// PATH or in Debian's versioned directories, run with the connection taken
/// from the URL into libpq's variables: a password never shows in `ps`.
enum PostgresTools {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func path(of tool: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let debian = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        for directory in directories + debian where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return "\(directory)/\(tool)"
        }
        throw Failure(description: "\(tool) was not found; install PostgreSQL's client programs (Debian: postgresql-client)")
    }

    /// libpq's variables for a `postgres://user:password@host:port/database?sslmode=…` URL.
    static func environment(for url: String) throws -> [String: String] {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? "") else {
            throw Failure(description: "DATABASE_URL is not a postgres:// URL")
        }
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        env["PGHOST"] = parts.host
        env["PGPORT"] = parts.port.map(String.init)
        env["PGUSER"] = parts.percentEncodedUser?.removingPercentEncoding
        env["PGPASSWORD"] = parts.percentEncodedPassword?.removingPercentEncoding
        env["PGDATABASE"] = String(parts.path.dropFirst())
        env["PGSSLMODE"] = parts.queryItems?.first { $0.name == "sslmode" }?.value
        return env.compactMapValues { $0 }
    }

    /// Runs a tool to its end; its standard output, or its error output as the failure.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], databaseURL: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path(of: tool))
        process.arguments = arguments
        process.environment = try environment(for: databaseURL)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would stop the tool.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) failed: \(String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: out, as: UTF8.self)
    }
}
