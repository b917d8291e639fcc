import Domain
import Fluent
import Foundation

/// A municipality's own period for one kind of data (`RetentionKind`);
/// without a row the shipped rule holds.
final class RetentionSettingRow: Model, TenantOwned, @unchecked Sendable {
    static let schema = "retention_settings"
    static let tenantKey: KeyPath<RetentionSettingRow, FieldProperty<RetentionSettingRow, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "months") var months: Int
    @Field(key: "erasable_on_request") var erasableOnRequest: Bool
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $kind, $months, $erasableOnRequest, $updatedAt] }

    init() {}

    init(tenantID: UUID, kind: RetentionKind, setting: RetentionSetting, at now: Date) {
        (self.id, self.tenantID, self.kind, self.months, self.erasableOnRequest, self.updatedAt) =
            (UUID(), tenantID, kind.rawValue, setting.months, setting.erasableOnRequest, now)
    }
}

/// The privacy officer keeps a household's file from being erased, by its
/// period or on request, while a reason stands (an objection, a court case).
final class LegalHold: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "legal_holds"
    static let tenantKey: KeyPath<LegalHold, FieldProperty<LegalHold, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "reason") var reason: String
    @Field(key: "placed_by") var placedBy: UUID
    @Field(key: "placed_at") var placedAt: Date
    @OptionalField(key: "lifted_by") var liftedBy: UUID?
    @OptionalField(key: "lifted_at") var liftedAt: Date?

    var properties: [any AnyProperty] { [$id, $tenantID, $householdID, $reason, $placedBy, $placedAt, $liftedBy, $liftedAt] }

    init() {}

    init(tenantID: UUID, householdID: UUID, reason: String, placedBy: UUID, at now: Date) {
        (self.id, self.tenantID, self.householdID, self.reason, self.placedBy, self.placedAt) = (UUID(), tenantID, householdID, reason, placedBy, now)
    }
}

/// A resident's request to erase their household's file (GDPR art. 17), as
/// the privacy officer registered it, and what came of it: erased, with a
/// receipt of what went, or refused, with the reason.
final class ErasureRequest: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "erasure_requests"
    static let tenantKey: KeyPath<ErasureRequest, FieldProperty<ErasureRequest, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "registered_by") var registeredBy: UUID
    @Field(key: "decided_at") var decidedAt: Date
    /// `erased` or `refused`.
    @Field(key: "outcome") var outcome: String
    /// Why it was refused (`ErasurePolicy.Refusal`), and until when for a period.
    @OptionalField(key: "refusal") var refusal: String?
    @OptionalField(key: "refused_until") var refusedUntil: String?
    /// What was erased, as counts per kind of record (JSON): never the data itself.
    @OptionalField(key: "receipt") var receipt: String?

    var properties: [any AnyProperty] {
        [$id, $tenantID, $householdID, $receivedOn, $registeredBy, $decidedAt, $outcome, $refusal, $refusedUntil, $receipt]
    }

    init() {}

    init(tenantID: UUID, householdID: UUID, receivedOn: String, registeredBy: UUID, at now: Date) {
        (self.id, self.tenantID, self.householdID, self.receivedOn, self.registeredBy, self.decidedAt) = (UUID(), tenantID, householdID, receivedOn, registeredBy, now)
        self.outcome = "refused"
    }
}
