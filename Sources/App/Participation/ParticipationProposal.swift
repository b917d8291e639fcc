import Domain
import Fluent
import Foundation

/// A resident's "yes, put me forward" for one offer (issue 24): the consent
/// that lets the offering organisation see them as a candidate — their name
/// and why they fit, nothing else of their file. Until then the organisation
/// sees at most an anonymous count. The resident takes it back at will.
final class ParticipationProposal: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "participation_proposals"
    static let tenantKey: KeyPath<ParticipationProposal, FieldProperty<ParticipationProposal, UUID>> = \.$tenantID

    enum Status: String, CaseIterable, Sendable { case proposed, accepted, declined, withdrawn }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "offer_id") var offerID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "resident_id") var residentID: UUID
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $offerID, $householdID, $residentID, $status, $createdAt, $decidedAt, $version, $updatedAt] }

    init() {}

    init(offerID: UUID, householdID: UUID, residentID: UUID, tenantID: UUID, at now: Date) {
        (self.id, self.tenantID, self.offerID, self.householdID, self.residentID) = (UUID(), tenantID, offerID, householdID, residentID)
        (self.status, self.createdAt, self.version, self.updatedAt) = (Status.proposed.rawValue, now, 1, now)
    }

    var proposalStatus: Status { Status(rawValue: status) ?? .withdrawn }
    /// Still standing: the organisation sees the candidate.
    var isOpen: Bool { proposalStatus == .proposed || proposalStatus == .accepted }
}
