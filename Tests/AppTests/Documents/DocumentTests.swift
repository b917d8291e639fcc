import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 25: documents in a household's file: the real type checked,
/// encrypted at rest on disk, read by the access rule for their domain,
/// every download logged, deleted to a tombstone, nothing half-stored.
@Suite("Documents around a household")
struct DocumentTests {
    static let marker = "Aanmaning van de Energieleverancier"
    /// A small but real PDF whose text holds the marker.
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n(\(marker)) Tj\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]

    static func upload(_ client: TestClient, _ scenario: HouseholdScenario, name: String = "aanmaning.pdf", bytes: [UInt8] = pdf,
                       domain: String = "finances", shared: Bool = true) async throws -> TestingHTTPResponse {
        var form = ["domain": domain]
        if shared { form["shared_with_resident"] = "on" }
        return try await client.upload(SiteRoute.documents.path(scenario.householdID), form, file: (name, bytes))
    }

    static func files(of scenario: HouseholdScenario) throws -> [URL] {
        let folder = URL(fileURLWithPath: scenario.app.config.dataDirectory + "/documents/" + (try scenario.tenant.requireID()).uuidString.lowercased())
        return (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
    }

    @Test func aDocumentIsStoredSealedReadByDomainAndLogged() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let partner = try await ConversationTests.partnerOnTeam(scenario, [.finances])
            let resident = try await ConversationTests.resident(of: scenario)
            #expect(try await Self.upload(scenario.coordinator, scenario).status == .seeOther)
            let document = try #require(try await Document.query(on: app.db).first())
            #expect(document.contentType == "application/pdf" && document.byteCount == Self.pdf.count)

            // Sealed on disk and in the database: the marker is nowhere in plain text.
            let files = try Self.files(of: scenario)
            #expect(files.count == 1)
            for file in files { #expect(!(String(decoding: try Data(contentsOf: file), as: UTF8.self).contains("Energieleverancier"))) }
            for row in try await app.db.sql.raw("SELECT * FROM documents").all() {
                for column in row.allColumns {
                    let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                    #expect(text?.contains("aanmaning") != true, "documents.\(column)")
                }
            }

            // The team member who may read finances downloads exactly what came in; the download is logged.
            let path = SiteRoute.document.path(scenario.householdID, try document.requireID())
            let downloaded = try await scenario.coordinator.get(path)
            #expect(downloaded.status == .ok && Array(downloaded.body.readableBytesView) == Self.pdf)
            #expect(downloaded.headers.contentType?.description == "application/pdf")
            #expect(downloaded.headers.first(name: .contentDisposition)?.contains("aanmaning.pdf") == true)
            #expect(try await scenario.decisions("document.download", user: "sanne") == ["allowed"])

            // The partner without the resident's consent gets nothing, and the refusal is logged.
            #expect(try await partner.get(path).status == .forbidden)
            #expect(try await scenario.decisions("document.download", user: "schuldhulp") == ["denied"])
            _ = try await scenario.consent([.finances], for: scenario.partner)
            #expect(try await partner.get(path).status == .ok)

            // The resident sees it shared in the portal, and downloads it there.
            #expect(try await resident.get(SiteRoute.portalDocuments.path()).body.string.contains("aanmaning.pdf"))
            #expect(Array(try await resident.get(SiteRoute.portalDocument.path(try document.requireID())).body.readableBytesView) == Self.pdf)

            // A document for the team only is not the resident's to see.
            #expect(try await Self.upload(scenario.coordinator, scenario, name: "overleg.pdf", shared: false).status == .seeOther)
            let teamOnly = try #require(try await Document.query(on: app.db).filter(\.$sharedWithResident == false).first())
            #expect(try await resident.get(SiteRoute.portalDocument.path(try teamOnly.requireID())).status == .notFound)
            #expect(!(try await resident.get(SiteRoute.portalDocuments.path()).body.string.contains("overleg.pdf")))

            // A volunteer, and the API under the same rule.
            let (_, _) = try await scenario.fixtures.user("vrijwilliger", role: .volunteer, in: scenario.tenant, totp: false)
            let volunteer = TestClient(app)
            try await scenario.fixtures.signIn(volunteer, "vrijwilliger", secret: nil)
            #expect(try await volunteer.get(path).status != .ok)
            #expect(try await volunteer.get(SiteRoute.apiDocumentContent.path(try document.requireID())).status != .ok)
            let listed = try await scenario.coordinator.get(SiteRoute.apiHouseholdDocuments.path(scenario.householdID))
            #expect(listed.status == .ok && listed.body.string.contains("aanmaning.pdf") && listed.body.string.contains(document.sha256))
            #expect(Array(try await scenario.coordinator.get(SiteRoute.apiDocumentContent.path(try document.requireID())).body.readableBytesView) == Self.pdf)
        }
    }

    @Test func theResidentUploadsALetterAndMayDeleteIt() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await ConversationTests.resident(of: scenario)
            let page = try await resident.get(SiteRoute.portalDocuments.path())
            #expect(page.status == .ok)
            let sent = try await resident.upload(SiteRoute.portalDocuments.path(), ["domain": "finances"], file: ("brief schuldeiser.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]))
            #expect(sent.status == .seeOther)
            let letter = try #require(try await Document.query(on: app.db).first())
            #expect(letter.sharedWithResident && letter.fromResident && letter.contentType == "image/jpeg")
            // The coordinator reads it on the household page and heard of it.
            #expect(try await scenario.coordinator.get(scenario.path).body.string.contains("brief schuldeiser.jpg"))
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.resident_document").count() == 1)

            // Deleting leaves a tombstone: no name, no file, and the timeline says so.
            #expect(try await resident.post(SiteRoute.portalDocumentDelete.path(try letter.requireID())).status == .seeOther)
            let tombstone = try #require(try await Document.find(letter.id, on: app.db))
            #expect(tombstone.deletedAt != nil && FieldCipher(key: app.config.keys.field).openOrNil(tombstone.nameEncrypted) == "")
            #expect(try Self.files(of: scenario).isEmpty)
            let household = try await scenario.coordinator.get(scenario.path).body.string
            #expect(household.contains("Verwijderd document") && household.contains("Document verwijderd"))
            #expect(try await scenario.coordinator.get(SiteRoute.document.path(scenario.householdID, try letter.requireID())).status == .notFound)
        }
    }

    @Test func badUploadsAreRefusedAndNothingIsHalfStored() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let path = SiteRoute.documents.path(scenario.householdID)
            let cases: [(String, [UInt8], String)] = [
                ("factuur.pdf", Self.png, "De naam van het bestand past niet bij wat erin staat."),
                ("programma.exe", [0x4D, 0x5A, 0x90, 0x00], "Dit soort bestand kan niet."),
                ("leeg.pdf", [], "Het bestand is leeg."),
                ("groot.pdf", Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: DocumentType.maximumBytes), "groter dan 10 MB"),
            ]
            for (name, bytes, message) in cases {
                let refused = try await scenario.coordinator.upload(path, ["domain": "finances"], file: (name, bytes))
                #expect(refused.status == .unprocessableEntity, "\(name)")
                #expect(refused.body.string.contains(message), "\(name): \(refused.body.string.prefix(300))")
            }
            let noFile = try await scenario.coordinator.upload(path, ["domain": "finances"], file: nil)
            #expect(noFile.status == .unprocessableEntity && noFile.body.string.contains("Kies een bestand."))
            // A domain the uploader's organisation does not work in.
            #expect(try await Self.upload(scenario.coordinator, scenario, domain: "mental_health").status == .forbidden)
            // A body cut off halfway: refused, nothing stored.
            let cut = "------x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 half"
            let interrupted = try await scenario.coordinator.send(.POST, path, headers: [("Content-Type", "multipart/form-data; boundary=----x")], body: cut)
            #expect(interrupted.status.code >= 400 && interrupted.status.code < 500)
            #expect(try await Document.query(on: app.db).count() == 0)
            #expect(try Self.files(of: scenario).isEmpty)
        }
    }

    @Test func aTamperedFileIsNeverHandedOut() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            _ = try await Self.upload(scenario.coordinator, scenario)
            let document = try #require(try await Document.query(on: app.db).first())
            let file = try #require(try Self.files(of: scenario).first)
            var sealed = try Data(contentsOf: file)
            sealed[sealed.count - 1] ^= 0xFF
            try sealed.write(to: file)
            #expect(try await scenario.coordinator.get(SiteRoute.document.path(scenario.householdID, try document.requireID())).status == .notFound)
        }
    }
}
