import Domain
import Fluent
import Foundation
import ConsoleKit
import Vapor

/// `samenspel postcodes import --tenant SLUG FILE.csv`: the centres of the
/// municipality's four-digit postcode areas (issue 24), from a CSV with
/// `postcode4,latitude,longitude` — as taken from the CBS's PC4 data — so
/// the distance between a home and an offer is known. Existing areas are
/// updated, new ones added; rows that are not a centre are named by line.
struct PostcodesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "import") var action: String
        @ConsoleKit.Option(name: "tenant", help: "the municipality's slug") var tenant: String?
        @Argument(name: "file", help: "a CSV file: postcode4,latitude,longitude") var file: String
    }

    var help: String { "Imports the centres of postcode areas for distances in matching (postcodes import --tenant SLUG FILE.csv)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "import" else { throw ConfigurationError("unknown action '\(signature.action)'; use: samenspel postcodes import --tenant SLUG FILE.csv") }
        let app = context.application
        guard let slug = signature.tenant, let tenant = try await Tenant.query(on: app.db).filter(\.$slug == slug).first() else {
            throw ConfigurationError("no municipality with that slug; give --tenant SLUG")
        }
        guard let data = FileManager.default.contents(atPath: signature.file), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("cannot read \(signature.file) as UTF-8 text")
        }
        guard let rows = CSV.read(text) else { throw ConfigurationError("\(signature.file) is not a CSV file (its quotes do not close)") }
        let (centres, refused) = PostcodeCentreCheck.read(rows)
        let (added, updated) = try await PostcodeAreas.store(centres, tenantID: try tenant.requireID(), on: app.db)
        context.console.print("\(tenant.name): \(added) postcode areas added, \(updated) updated, \(refused.count) rows refused")
        for refusal in refused.prefix(20) { context.console.print("  line \(refusal.line): \(refusal.reason.rawValue)") }
    }
}

enum PostcodeAreas {
    /// Adds or updates each centre, in one transaction: a file goes in whole or not at all.
    static func store(_ centres: [PostcodeCentre], tenantID: UUID, on db: any Database) async throws -> (added: Int, updated: Int) {
        try await db.transaction { tx in
            let existing = Dictionary(try await PostcodeArea.select(in: tenantID, on: tx).map { ($0.postcode4, $0) }, uniquingKeysWith: { a, _ in a })
            var added = 0, updated = 0
            for centre in centres {
                if let area = existing[centre.postcode4] {
                    (area.latitude, area.longitude) = (centre.coordinates.latitude, centre.coordinates.longitude)
                    try await area.update(on: tx)
                    updated += 1
                } else {
                    try await PostcodeArea(tenantID: tenantID, postcode4: centre.postcode4, latitude: centre.coordinates.latitude,
                                           longitude: centre.coordinates.longitude).create(on: tx)
                    added += 1
                }
            }
            return (added, updated)
        }
    }
}
