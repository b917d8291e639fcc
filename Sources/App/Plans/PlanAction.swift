import Domain
import Fluent
import Foundation

/// A concrete step towards a goal, owned by the resident, a professional,
/// an organisation, a volunteer or someone from the resident's own network.
final class PlanAction: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "plan_actions"
    static let tenantKey: KeyPath<PlanAction, FieldProperty<PlanAction, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "goal_id") var goalID: UUID
    @Field(key: "description") var description: String
    @Field(key: "owner_kind") var ownerKind: String
    @OptionalField(key: "owner_user_id") var ownerUserID: UUID?
    @OptionalField(key: "owner_organization_id") var ownerOrganizationID: UUID?
    @OptionalField(key: "owner_name") var ownerName: String?
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $householdID, $goalID, $description, $ownerKind, $ownerUserID, $ownerOrganizationID,
            $ownerName, $dueOn, $status, $version, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(tenantID: UUID, householdID: UUID, goalID: UUID, description: String, owner: ActionOwner, dueOn: String?) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.goalID = goalID
        self.description = description
        self.ownerKind = owner.kind.rawValue
        switch owner {
        case .resident, .network: ownerName = owner.name
        case .volunteer(let id), .professional(let id): ownerUserID = id
        case .organization(let id): ownerOrganizationID = id
        }
        self.dueOn = dueOn
        self.status = ActionStatus.open.rawValue
        self.version = 1
    }
}

enum ActionStatus: String, CaseIterable, Codable, Sendable {
    case open, inProgress = "in_progress", done, cancelled
}

enum ActionOwnerKind: String, CaseIterable, Codable, Sendable {
    case resident, professional, organization, volunteer, network
}

enum ActionOwner: Equatable {
    case resident(name: String?)
    case professional(UUID)
    case organization(UUID)
    case volunteer(UUID)
    case network(name: String)

    var kind: ActionOwnerKind {
        switch self {
        case .resident: .resident
        case .professional: .professional
        case .organization: .organization
        case .volunteer: .volunteer
        case .network: .network
        }
    }

    var name: String? {
        switch self {
        case .resident(let name): name
        case .network(let name): name
        default: nil
        }
    }
}
