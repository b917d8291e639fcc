import Domain
import Fluent
import Vapor

extension PlanAction {
    /// Who does each action, in words whoever reads it understands: the
    /// professional's or volunteer's name, the organisation, the person from
    /// the resident's network, or the resident ("you" in the portal). One
    /// query for all the names, however many actions.
    static func owners(of actions: [PlanAction], tenantID: UUID, forResident: Bool, in context: Context) async throws -> [UUID: String] {
        let people = try await User.displayNames(of: actions.compactMap(\.ownerUserID), in: tenantID, on: context.db)
        let organizations = try await context.organizationNames(in: tenantID)
        var owners: [UUID: String] = [:]
        for action in actions {
            guard let id = action.id else { continue }
            owners[id] = switch ActionOwnerKind(rawValue: action.ownerKind) {
            case .organization: action.ownerOrganizationID.flatMap { organizations[$0] } ?? context.t("action.owner.organization")
            case .volunteer: action.ownerUserID.flatMap { people[$0] } ?? context.t("action.owner.volunteer")
            case .professional: action.ownerUserID.flatMap { people[$0] } ?? context.t("action.owner_is.professional")
            case .network: action.ownerName ?? context.t("action.owner.network")
            case .resident: context.t(forResident ? "action.owner_is.you" : "action.owner.resident")
            case nil: context.t("action.owner_is.professional")
            }
        }
        return owners
    }
}
