import Domain
import Fluent
import Foundation

/// A closed-loop request from one organisation to a service or organisation,
/// for one goal of a household's plan. The message is encrypted at rest; the
/// receiver sees only the domains the referral names, and only as far as the
/// resident's consent reaches (DESIGN.md §3).
final class Referral: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "referrals"
    static let tenantKey: KeyPath<Referral, FieldProperty<Referral, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "goal_id") var goalID: UUID
    /// Life domains shared with the receiver, comma-separated.
    @Field(key: "domains") var domains: String
    @Field(key: "requester_organization_id") var requesterOrganizationID: UUID
    @Field(key: "requester_user_id") var requesterUserID: UUID
    @Field(key: "receiver_organization_id") var receiverOrganizationID: UUID
    @OptionalField(key: "service_id") var serviceID: UUID?
    @Field(key: "message_encrypted") var messageEncrypted: String
    @Field(key: "status") var status: String
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "sent_on") var sentOn: String?
    /// The day by which the receiver should accept or reject (working days).
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "redirected_from_id") var redirectedFromID: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $householdID, $goalID, $domains, $requesterOrganizationID, $requesterUserID,
            $receiverOrganizationID, $serviceID, $messageEncrypted, $status, $outcome, $sentOn, $dueOn,
            $redirectedFromID, $version, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(tenantID: UUID, householdID: UUID, goalID: UUID, domains: Set<LifeDomain>, requesterOrganizationID: UUID, requesterUserID: UUID,
         receiverOrganizationID: UUID, serviceID: UUID?, messageEncrypted: String) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.goalID = goalID
        self.domains = LifeDomain.encode(domains)
        self.requesterOrganizationID = requesterOrganizationID
        self.requesterUserID = requesterUserID
        self.receiverOrganizationID = receiverOrganizationID
        self.serviceID = serviceID
        self.messageEncrypted = messageEncrypted
        self.status = ReferralStatus.draft.rawValue
        self.version = 1
    }

    var lifeDomains: Set<LifeDomain> { LifeDomain.decode(domains) }
    var referralStatus: ReferralStatus { ReferralStatus(rawValue: status) ?? .enteredInError }
    var referralOutcome: ReferralOutcome? { outcome.flatMap(ReferralOutcome.init(rawValue:)) }

    func isOverdue(today: String) -> Bool {
        guard referralStatus.awaitsResponse, let dueOn else { return false }
        return WorkingDays.isOverdue(due: dueOn, today: today)
    }

    /// The side `organizationID` acts for on this referral, if any.
    func party(of organizationID: UUID?) -> ReferralParty? {
        if organizationID == requesterOrganizationID { return .requester }
        if organizationID == receiverOrganizationID { return .receiver }
        return nil
    }
}

/// One step in a referral's history.
final class ReferralEvent: Model, TenantOwned, @unchecked Sendable {
    static let schema = "referral_events"
    static let tenantKey: KeyPath<ReferralEvent, FieldProperty<ReferralEvent, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "referral_id") var referralID: UUID
    @OptionalField(key: "from_status") var fromStatus: String?
    @Field(key: "to_status") var toStatus: String
    @OptionalField(key: "outcome") var outcome: String?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "occurred_at") var occurredAt: Date
    /// What the person taking the step wrote with it (AES-GCM), if anything.
    @OptionalField(key: "note_encrypted") var noteEncrypted: String?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $referralID, $fromStatus, $toStatus, $outcome, $userID, $organizationID, $occurredAt, $noteEncrypted] }

    init() {}

    init(tenantID: UUID, referralID: UUID, from: ReferralStatus?, to: ReferralStatus, outcome: ReferralOutcome?, userID: UUID, organizationID: UUID) {
        self.tenantID = tenantID
        self.referralID = referralID
        self.fromStatus = from?.rawValue
        self.toStatus = to.rawValue
        self.outcome = outcome?.rawValue
        self.userID = userID
        self.organizationID = organizationID
        self.occurredAt = Date()
    }
}
