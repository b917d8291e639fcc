import Domain
import Fluent
import Vapor
import Foundation

/// A resident's recorded permission to share some life domains with one
/// organisation for a purpose (DESIGN.md §1).
final class Consent: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "consents"
    static let tenantKey: KeyPath<Consent, FieldProperty<Consent, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "resident_id") var residentID: UUID
    @Field(key: "recipient_organization_id") var recipientOrganizationID: UUID
    @Field(key: "domains") var domains: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?
    @Field(key: "method") var method: String
    @Field(key: "status") var status: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $householdID, $residentID, $recipientOrganizationID, $domains, $purpose, $validFrom,
            $validTo, $method, $status, $recordedBy, $withdrawnAt, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(
        tenantID: UUID, householdID: UUID, residentID: UUID, recipientOrganizationID: UUID,
        domains: Set<LifeDomain>, purpose: String, validFrom: String, validTo: String?,
        method: ConsentMethod, status: ConsentStatus, recordedBy: UUID
    ) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.residentID = residentID
        self.recipientOrganizationID = recipientOrganizationID
        self.domains = LifeDomain.encode(domains)
        self.purpose = purpose
        self.validFrom = validFrom
        self.validTo = validTo
        self.method = method.rawValue
        self.status = status.rawValue
        self.recordedBy = recordedBy
    }

    var lifeDomains: Set<LifeDomain> { LifeDomain.decode(domains) }

    func effective(today: String) -> EffectiveConsent {
        ConsentRule.effective(status: ConsentStatus(rawValue: status) ?? .withdrawn, validFrom: validFrom, validTo: validTo, today: today)
    }
}

extension Consent {
    /// "from – to" in words: a withdrawn consent ends the day it was withdrawn, not "no end date".
    func validity(in context: Context) -> String {
        let end: String
        if let withdrawnAt, status == ConsentStatus.withdrawn.rawValue { end = context.t("consent.withdrawn_on", context.shortDay(Day.string(withdrawnAt))) }
        else { end = validTo.map(context.shortDay) ?? context.t("consent.open_ended") }
        return context.shortDay(validFrom) + " – " + end
    }
}
