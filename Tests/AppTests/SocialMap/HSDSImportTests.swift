import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("HSDS import and export")
struct HSDSImportTests {
    static let mapping = HSDSMapping(text: { $0 })

    /// A comparable picture of a tenant's map: the export, as sorted JSON, without modification times.
    static func snapshot(_ tenantID: UUID, on db: any Database) async throws -> String {
        var package = try await HSDSPackage.export(tenantID: tenantID, mapping: mapping, on: db)
        for o in package.indices {
            for s in (package[o].services ?? []).indices { package[o].services![s].last_modified = nil }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(package), as: UTF8.self)
    }

    func exportJSON(_ tenantID: UUID, on db: any Database) async throws -> Data {
        try JSONEncoder().encode(try await HSDSPackage.export(tenantID: tenantID, mapping: Self.mapping, on: db))
    }

    @Test func importExportImportGivesTheSameMap() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let source = try await fixtures.tenant("alpha"), copy = try await fixtures.tenant("beta"), third = try await fixtures.tenant("gamma")
            let sourceID = try source.requireID()
            // The demo map is a rich source: hours, areas, terms, waiting lists, informal providers.
            try await DemoSocialMap.seed(tenantID: sourceID, organizations: [:], on: app.db)
            let exported = try await exportJSON(sourceID, on: app.db)
            // Ids are global: a copy into another tenant needs fresh ones, so re-key the package.
            let rekeyed = Self.rekey(exported)
            let first = try await HSDSImport.run(json: rekeyed, tenantID: try copy.requireID(), on: app.db)
            #expect(first.succeeded, "\(first.issues)")
            #expect(first.services == DemoSocialMap.providers.flatMap(\.offers).count)
            let once = try await Self.snapshot(try copy.requireID(), on: app.db)
            // Export the copy and import it again over itself: nothing changes.
            let again = try await HSDSImport.run(json: try await exportJSON(try copy.requireID(), on: app.db), tenantID: try copy.requireID(), on: app.db)
            #expect(again.succeeded, "\(again.issues)")
            #expect(try await Self.snapshot(try copy.requireID(), on: app.db) == once)
            // And the copy equals the source, up to the ids.
            let original = try await Self.snapshot(sourceID, on: app.db)
            #expect(Self.masked(original) == Self.masked(once))
            #expect(original.count > 5000)
            // CSV round trip: the tables of the copy, imported into a third tenant after re-keying.
            var files: [String: Data] = [:]
            let package = try await HSDSPackage.export(tenantID: try copy.requireID(), mapping: Self.mapping, on: app.db)
            for table in HSDSTabular.tables { files[table] = Self.rekey(Data(HSDSTabular.csv(table, of: package).utf8), salt: "csv") }
            let csv = try await HSDSTabular.importCSV(files, tenantID: try third.requireID(), on: app.db)
            #expect(csv.succeeded, "\(csv.issues) \(csv.fatalKey ?? "")")
            #expect(Self.masked(once) == Self.masked(try await Self.snapshot(try third.requireID(), on: app.db)))
        }
    }

    /// Every id but the fixed taxonomy's replaced by a placeholder: the map's content and shape, not its keys.
    static func masked(_ text: String) -> String {
        let regex = try! NSRegularExpression(pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        let taxonomy = Set(MapTaxonomy.allTerms.map { $0.id.uuidString.lowercased() } + MapTaxonomy.allCases.map { $0.id.uuidString.lowercased() })
        var result = text
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() where !taxonomy.contains(String(text[Range(match.range, in: text)!])) {
            result.replaceSubrange(Range(match.range, in: result)!, with: "<id>")
        }
        return result
    }

    /// Replaces every UUID by one derived from it, consistently.
    static func rekey(_ data: Data, salt: String = "copy") -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let regex = try! NSRegularExpression(pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        var result = text
        let taxonomy = Set(MapTaxonomy.allTerms.map { $0.id.uuidString.lowercased() } + MapTaxonomy.allCases.map { $0.id.uuidString.lowercased() })
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let range = Range(match.range, in: text)!
            let id = String(text[range])
            guard !taxonomy.contains(id) else { continue }
            result.replaceSubrange(Range(match.range, in: result)!, with: StableID.make(salt, id).uuidString.lowercased())
        }
        return Data(result.utf8)
    }

    @Test func everyBadRowIsReportedAndNothingIsWritten() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha"), beta = try await fixtures.tenant("beta")
            let betaProvider = try await SocialMapFixtures(app: app, tenantID: try beta.requireID()).provider("Van Beta")
            let good = UUID().uuidString, dup = UUID().uuidString
            let package = """
            [{"id": "\(good)", "name": "Welzijn", "description": "Welzijn",
              "services": [
                {"id": "\(dup)", "name": "Een", "status": "active",
                 "attributes": [{"id": "\(UUID())", "taxonomy_term_id": "\(UUID())"}]},
                {"id": "\(dup)", "name": "Twee", "status": "active"},
                {"id": "\(UUID())", "status": "active"},
                {"id": "\(UUID())", "name": "Vier", "status": "open", "url": "javascript:x"},
                {"id": "\(UUID())", "name": "Vijf", "status": "active",
                 "service_at_locations": [{"id": "\(UUID())", "location_id": "\(UUID())"}]}
              ]},
             {"id": "\(try betaProvider.requireID())", "name": "Overname", "description": ""},
             {"id": "geen-uuid", "name": "X", "description": ""}]
            """
            let report = try await HSDSImport.run(json: Data(package.utf8), tenantID: try alpha.requireID(), on: app.db)
            #expect(!report.succeeded)
            let keys = report.issues.map(\.messageKey)
            #expect(keys.contains("import.issue.unknown_term"))
            #expect(keys.contains("import.issue.duplicate_id"))
            #expect(report.issues.contains { $0.messageKey == "import.issue.missing_field" && $0.argument == "name" && $0.row == "organizations[0].services[2]" })
            #expect(report.issues.contains { $0.messageKey == "import.issue.invalid_value" && $0.argument == "status" })
            #expect(report.issues.contains { $0.messageKey == "import.issue.invalid_value" && $0.argument == "url" })
            #expect(keys.contains("import.issue.unknown_location"))
            #expect(keys.contains("import.issue.invalid_id"))
            let taken = try #require(report.issues.first { $0.messageKey == "import.issue.id_unavailable" })
            #expect(taken.row == "organizations[1]")
            #expect(try await MapOrganization.scoped(to: try alpha.requireID(), on: app.db).count() == 0, "nothing half-written")
            #expect(try await MapOrganization.find(betaProvider.id, on: app.db)?.name == "Van Beta")
        }
    }

    @Test func malformedPackagesAreOneClearMessage() async throws {
        try await withApp { app in
            let tenantID = try await Fixtures(app: app).tenant().requireID()
            for (text, key) in [("{nope", "import.not_json"), ("[]", "import.empty"), (#"[{"id": 5}]"#, "import.malformed"), (#"{"a": 1}"#, "import.malformed")] {
                let report = try await HSDSImport.run(json: Data(text.utf8), tenantID: tenantID, on: app.db)
                #expect(report.fatalKey == key, "\(text)")
            }
            let report = try await HSDSImport.run(json: Data(#"[{"id": "x", "services": [{"name": 3}]}]"#.utf8), tenantID: tenantID, on: app.db)
            #expect(report.fatalArgument == "organizations[0].services[0].name")
            let csv = try await HSDSTabular.importCSV(["services.csv": Data("id,name\n\"broken".utf8)], tenantID: tenantID, on: app.db)
            #expect(csv.fatalKey == "import.bad_csv")
            let orphan = try await HSDSTabular.importCSV([
                "organizations.csv": Data("id,name,description\n\(UUID()),Org,Over\n".utf8),
                "services.csv": Data("id,organization_id,name,status\n\(UUID()),\(UUID()),Wees,active\n".utf8),
            ], tenantID: tenantID, on: app.db)
            #expect(orphan.issues.map(\.messageKey) == ["import.issue.unknown_parent"])
            #expect(try await MapOrganization.query(on: app.db).count() == 0)
        }
    }

    @Test func adminImportsThroughThePage() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("ruben", role: .tenantAdmin, in: tenant)
            let client = TestClient(app)
            try await fixtures.signIn(client, "ruben", secret: secret)
            #expect(try await client.get("/admin/social-map").status == .ok)
            let id = UUID().uuidString
            let ok = try await client.post("/admin/social-map/import", ["package_text": #"[{"id": "\#(id)", "name": "Buurtkamer", "description": "Koffie"}]"#])
            #expect(ok.status == .ok)
            #expect(ok.body.string.contains("Geïmporteerd: 1 aanbieders"))
            let bad = try await client.post("/admin/social-map/import", ["package_text": #"[{"id": "\#(id)", "name": "", "description": "Koffie"}]"#])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Het veld name ontbreekt."))
            let export = try await client.get("/admin/social-map/export.json")
            #expect(export.status == .ok && export.body.string.contains("Buurtkamer"))
            #expect(try await client.get("/admin/social-map/export.csv?table=organizations.csv").body.string.contains("Buurtkamer"))
            #expect(try await client.get("/admin/social-map/export.csv?table=../../etc/passwd").status == .notFound)
            #expect(try await client.post("/admin/social-map/public", ["public": "on"]).status == .seeOther)
            #expect(try await Tenant.find(tenant.id, on: app.db)?.publicSocialMap == true)
        }
    }
}
