import Domain
import Fluent
import Foundation

/// What an import did, or why it did nothing. Any row issue or a malformed
/// package means nothing was written: a half-imported map is worse than none.
struct ImportReport: Sendable {
    struct Issue: Sendable, Equatable {
        /// Where in the package: "organizations[0].services[2]".
        let row: String
        let id: String?
        let messageKey: String
        let argument: String
    }

    var fatalKey: String?
    var fatalArgument = ""
    var issues: [Issue] = []
    var providers = 0
    var services = 0
    var locations = 0

    var succeeded: Bool { fatalKey == nil && issues.isEmpty }
}

/// Import of an HSDS 3.0 data package into one tenant's map: upsert by id,
/// checked row by row first, written in one transaction.
enum HSDSImport {
    static let maximumBytes = 1 << 20

    static func run(json data: Data, tenantID: UUID, on db: any Database) async throws -> ImportReport {
        switch decode(data) {
        case .failure(let failure):
            var report = ImportReport()
            report.fatalKey = failure.key
            report.fatalArgument = failure.argument
            return report
        case .success(let organizations):
            return try await run(organizations, tenantID: tenantID, on: db)
        }
    }

    static func run(_ organizations: [HSDS.Organization], tenantID: UUID, on db: any Database, write: Bool = true) async throws -> ImportReport {
        var report = ImportReport()
        guard !organizations.isEmpty else {
            report.fatalKey = "import.empty"
            return report
        }
        let plan = try await ImportPlanner(tenantID: tenantID, db: db).plan(organizations)
        report.issues = plan.issues
        report.providers = plan.providers.count
        report.services = plan.services.count
        report.locations = plan.locations.count
        guard report.succeeded, write else { return report }
        try await db.transaction { tx in try await ImportWriter(tenantID: tenantID, db: tx).write(plan) }
        return report
    }

    struct Failure: Error { let key: String; let argument: String }

    /// An organization package (a JSON array of organizations with nested
    /// locations and services), or an object with such an array under "organizations".
    static func decode(_ data: Data) -> Result<[HSDS.Organization], Failure> {
        guard data.count <= maximumBytes else { return .failure(Failure(key: "import.too_large", argument: "")) }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else { return .failure(Failure(key: "import.not_json", argument: "")) }
        struct Wrapped: Decodable { let organizations: [HSDS.Organization] }
        do {
            return .success(try JSONDecoder().decode([HSDS.Organization].self, from: data))
        } catch let arrayError {
            if let wrapped = try? JSONDecoder().decode(Wrapped.self, from: data) { return .success(wrapped.organizations) }
            return .failure(Failure(key: "import.malformed", argument: path(of: arrayError)))
        }
    }

    /// "organizations[2].services[0].name" for a decoding error, so the reader can find the spot.
    static func path(of error: any Error) -> String {
        let codingPath: [any CodingKey]
        switch error as? DecodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
        default: codingPath = []
        }
        var text = "organizations"
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += ".\(key.stringValue)" }
        }
        return text
    }
}
