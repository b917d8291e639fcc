import Domain
import Fluent
import Foundation

/// A document in a household's file: a letter, a photo of one, a form. It
/// belongs to one life domain and is read by the access rule for that
/// domain, as notes are; the resident sees it when it was shared with them
/// or when they uploaded it. The content lies encrypted on disk
/// (`DocumentStore`), its name encrypted here, with the SHA-256 of what was
/// uploaded to check every download against. Deleting removes the content
/// and the name and keeps the row as a tombstone.
final class Document: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "documents"
    static let tenantKey: KeyPath<Document, FieldProperty<Document, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "domain") var domain: String
    @Field(key: "name_encrypted") var nameEncrypted: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "shared_with_resident") var sharedWithResident: Bool
    @OptionalField(key: "goal_id") var goalID: UUID?
    @OptionalField(key: "conversation_id") var conversationID: UUID?
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "deleted_at") var deletedAt: Date?
    @OptionalField(key: "deleted_by") var deletedBy: UUID?

    var properties: [any AnyProperty] {
        [$id, $tenantID, $householdID, $domain, $nameEncrypted, $contentType, $byteCount, $sha256, $sharedWithResident, $goalID,
         $conversationID, $uploadedBy, $organizationID, $createdAt, $deletedAt, $deletedBy]
    }

    init() {}

    init(householdID: UUID, tenantID: UUID, domain: LifeDomain, nameEncrypted: String, type: DocumentType, byteCount: Int, sha256: String,
         sharedWithResident: Bool, by actor: Actor, at now: Date) {
        (self.id, self.tenantID, self.householdID, self.domain, self.nameEncrypted) = (UUID(), tenantID, householdID, domain.rawValue, nameEncrypted)
        (self.contentType, self.byteCount, self.sha256, self.sharedWithResident) = (type.mediaType, byteCount, sha256, sharedWithResident)
        (self.uploadedBy, self.organizationID, self.createdAt) = (actor.userID, actor.role == .resident ? nil : actor.organizationID, now)
    }

    var lifeDomain: LifeDomain? { LifeDomain(rawValue: domain) }
    var isDeleted: Bool { deletedAt != nil }
    /// Written by the resident or their representative in the portal.
    var fromResident: Bool { organizationID == nil }
}
