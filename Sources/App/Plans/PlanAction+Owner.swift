import Domain
import Fluent
import Vapor

extension PlanAction {
    /// Who does each action, in words whoever reads it understands: the
    /// professional's or volunteer's name, the organisation, the person from
    /// the resident's network, or the resident ("you" in the portal). One
    /// query for all the names, however many actions.
    static func owners(of actions: [PlanAction], tenantID: UUID, forResident: Bool, req: Request) async throws -> [UUID: String] {
        let people = try await User.displayNames(of: actions.compactMap(\.ownerUserID), in: tenantID, on: req.db)
        let organizations = try await req.organizationNames(in: tenantID)
        var owners: [UUID: String] = [:]
        for action in actions {
            guard let id = action.id else { continue }
            owners[id] = switch ActionOwnerKind(rawValue: action.ownerKind) {
            case .organization: action.ownerOrganizationID.flatMap { organizations[$0] } ?? req.t("action.owner.organization")
            case .volunteer: action.ownerUserID.flatMap { people[$0] } ?? req.t("action.owner.volunteer")
            case .professional: action.ownerUserID.flatMap { people[$0] } ?? req.t("action.owner_is.professional")
            case .network: action.ownerName ?? req.t("action.owner.network")
            case .resident: req.t(forResident ? "action.owner_is.you" : "action.owner.resident")
            case nil: req.t("action.owner_is.professional")
            }
        }
        return owners
    }
}
