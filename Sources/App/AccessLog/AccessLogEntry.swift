import Domain
import Fluent
import Foundation

/// One row of the append-only, hash-chained access log (DESIGN.md §3.9).
/// Platform-level events (a failed login for an unknown name) have no tenant
/// and form their own chain.
final class AccessLogEntry: Model, @unchecked Sendable {
    static let schema = "access_log_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "chain") var chain: String
    @Field(key: "sequence") var sequence: Int
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "event") var event: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "tenant_id") var tenantID: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "user_name") var userName: String?
    @OptionalField(key: "on_behalf_of") var onBehalfOf: String?
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @OptionalField(key: "role") var role: String?
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @OptionalField(key: "purpose") var purpose: String?
    @Field(key: "basis") var basis: String
    @OptionalField(key: "object_type") var objectType: String?
    @OptionalField(key: "object_id") var objectID: String?
    @OptionalField(key: "source") var source: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $chain, $sequence, $occurredAt, $event, $outcome, $tenantID, $userID, $userName, $onBehalfOf,
            $organizationID, $role, $subjectID, $purpose, $basis, $objectType, $objectID, $source, $previousHash,
            $hash,
        ]
    }

    init() {}

    init(chain: String, record: AuditRecord, previousHash: String, hash: String) {
        self.chain = chain
        self.sequence = record.sequence
        self.occurredAt = record.occurredAt
        self.event = record.event
        self.outcome = record.outcome.rawValue
        self.tenantID = record.tenantID
        self.userID = record.userID
        self.userName = record.userName
        self.onBehalfOf = record.onBehalfOf
        self.organizationID = record.organizationID
        self.role = record.role
        self.subjectID = record.subjectID
        self.purpose = record.purpose
        self.basis = record.basis.rawValue
        self.objectType = record.objectType
        self.objectID = record.objectID
        self.source = record.source
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The record as stored; an unknown outcome or basis makes the hash fail, as it should.
    var record: AuditRecord {
        AuditRecord(
            sequence: sequence, occurredAt: occurredAt, event: event,
            outcome: AuditRecord.Outcome(rawValue: outcome) ?? .failure,
            tenantID: tenantID, userID: userID, userName: userName, onBehalfOf: onBehalfOf,
            organizationID: organizationID, role: role, subjectID: subjectID, purpose: purpose,
            basis: AccessBasis(rawValue: basis) ?? .none, objectType: objectType,
            objectID: objectID, source: source
        )
    }

    static func chainKey(for tenantID: UUID?) -> String { tenantID?.uuidString ?? "platform" }

    /// A tenant's entries, named by their chain too: the log is sharded by
    /// chain, so the query is answered by the one shard that holds it.
    static func of(_ tenantID: UUID, on db: any Database) -> QueryBuilder<AccessLogEntry> {
        query(on: db).filter(\.$chain == chainKey(for: tenantID)).filter(\.$tenantID == tenantID)
    }
}
