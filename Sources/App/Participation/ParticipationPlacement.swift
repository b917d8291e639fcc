import Domain
import Fluent
import Foundation

/// A resident taking part in an offer (issue 24), started by the host after
/// the introduction: an action on the household's plan under the goal it
/// serves, owned by the host organisation, with check-ins every few weeks
/// until it ends with a reason.
final class ParticipationPlacement: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "participation_placements"
    static let tenantKey: KeyPath<ParticipationPlacement, FieldProperty<ParticipationPlacement, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "offer_id") var offerID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "resident_id") var residentID: UUID
    /// The organisation behind the offer: it owns the plan's action.
    @Field(key: "host_organization_id") var hostOrganizationID: UUID
    @Field(key: "goal_id") var goalID: UUID
    @Field(key: "action_id") var actionID: UUID
    /// The resident's rung when it started, and the offer's: the monitor's movement up the ladder.
    @OptionalField(key: "rung_before") var rungBefore: Int?
    @Field(key: "offer_rung") var offerRung: Int
    @Field(key: "started_on") var startedOn: String
    @Field(key: "check_in_weeks") var checkInWeeks: Int
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "end_reason") var endReason: String?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $proposalID, $offerID, $householdID, $residentID, $hostOrganizationID, $goalID, $actionID, $rungBefore, $offerRung,
         $startedOn, $checkInWeeks, $endedOn, $endReason, $version, $createdAt, $updatedAt]
    }

    init() {}

    var hasEnded: Bool { endedOn != nil }
    var schedule: CheckInSchedule? { CivilDay(startedOn).flatMap { CheckInSchedule(startedOn: $0, weeks: checkInWeeks) } }
}

/// One check-in of a placement: how it is going, in the resident's and the
/// host's answer, each with their own words (sealed).
final class ParticipationCheckIn: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "participation_check_ins"
    static let tenantKey: KeyPath<ParticipationCheckIn, FieldProperty<ParticipationCheckIn, UUID>> = \.$tenantID

    enum Party: String, CaseIterable, Sendable { case resident, host }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "placement_id") var placementID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "resident_answer") var residentAnswer: String?
    @OptionalField(key: "resident_words_encrypted") var residentWordsEncrypted: String?
    @OptionalField(key: "resident_answered_at") var residentAnsweredAt: Date?
    @OptionalField(key: "host_answer") var hostAnswer: String?
    @OptionalField(key: "host_words_encrypted") var hostWordsEncrypted: String?
    @OptionalField(key: "host_answered_at") var hostAnsweredAt: Date?
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $placementID, $householdID, $number, $dueOn, $residentAnswer, $residentWordsEncrypted, $residentAnsweredAt,
         $hostAnswer, $hostWordsEncrypted, $hostAnsweredAt, $version, $updatedAt]
    }

    init() {}

    func answer(of party: Party) -> CheckInAnswer? {
        (party == .resident ? residentAnswer : hostAnswer).flatMap(CheckInAnswer.init(rawValue:))
    }
}
