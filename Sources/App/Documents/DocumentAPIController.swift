import Domain
import Fluent
import Vapor

/// `/api/v1`: a household's documents as metadata, and each one's content,
/// under the same access rule as the pages; every download is logged.
struct DocumentAPIController {
    struct DocumentDTO: Content {
        let id: UUID
        let householdId: UUID
        let domain: String
        let name: String
        let contentType: String
        let size: Int
        let sha256: String
        let sharedWithResident: Bool
        let goalId: UUID?
        let conversationId: UUID?
        let uploadedBy: UUID
        let createdAt: String
        /// Set when it was deleted: the name and content are gone then.
        let deletedAt: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiHouseholdDocuments, use: list)
        routes.get(SiteRoute.apiDocument, use: metadata)
        routes.get(SiteRoute.apiDocumentContent, use: content)
    }

    func list(req: Request) async throws -> [DocumentDTO] {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "document.list")
        let cipher = FieldCipher(key: req.application.config.keys.field)
        return try await opened.documents(on: req.db).map { try Self.dto($0, cipher: cipher) }
    }

    func metadata(req: Request) async throws -> DocumentDTO {
        let (_, document) = try await req.residentAccess().openRow(Document.self, req.id(.documentID), writing: false, event: "document.read")
        return try Self.dto(document, cipher: FieldCipher(key: req.application.config.keys.field))
    }

    func content(req: Request) async throws -> Response {
        let (_, document) = try await req.residentAccess().openRow(Document.self, req.id(.documentID), writing: false, event: "document.download")
        return try Documents.download(document, store: Documents.store(req.application), cipher: FieldCipher(key: req.application.config.keys.field))
    }

    static func dto(_ document: Document, cipher: FieldCipher) throws -> DocumentDTO {
        let stamp = { (date: Date) in ISO8601DateFormatter().string(from: date) }
        return DocumentDTO(
            id: try document.requireID(), householdId: document.householdID, domain: document.domain,
            name: document.isDeleted ? "" : cipher.openOrNil(document.nameEncrypted) ?? "", contentType: document.contentType,
            size: document.byteCount, sha256: document.sha256, sharedWithResident: document.sharedWithResident,
            goalId: document.goalID, conversationId: document.conversationID, uploadedBy: document.uploadedBy,
            createdAt: stamp(document.createdAt), deletedAt: document.deletedAt.map(stamp))
    }
}
