import Domain
import Fluent
import Foundation

/// A contact moment or note in one life domain. The text is encrypted at
/// rest (AES-GCM); who may read it follows the access rule for its domain.
final class Note: Model, TenantOwned, @unchecked Sendable {
    static let schema = "notes"
    static let tenantKey: KeyPath<Note, FieldProperty<Note, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "domain") var domain: String
    @Field(key: "kind") var kind: String
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "text_encrypted") var textEncrypted: String
    @Field(key: "author_id") var authorID: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $householdID, $domain, $kind, $occurredOn, $textEncrypted, $authorID,
            $organizationID, $createdAt,
        ]
    }

    init() {}

    init(tenantID: UUID, householdID: UUID, domain: LifeDomain, kind: NoteKind, occurredOn: String, textEncrypted: String, authorID: UUID, organizationID: UUID?) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.domain = domain.rawValue
        self.kind = kind.rawValue
        self.occurredOn = occurredOn
        self.textEncrypted = textEncrypted
        self.authorID = authorID
        self.organizationID = organizationID
    }
}

enum NoteKind: String, CaseIterable, Codable, Sendable {
    case note, phone, visit, meeting
    /// Written by the resident (or their representative) in the portal.
    case comment
    /// A volunteer's line on how an assigned step went.
    case report

    /// What a professional picks from when writing a note.
    static let professional: [NoteKind] = [.note, .phone, .visit, .meeting]
}
