import Domain
import Fluent
import Vapor

/// What the user form sends, and its validation against the tenant.
struct UserForm: Content {
    var username: String?
    var display_name: String?
    var role: String?
    var organization_id: String?
    /// "on" when the manager box is ticked.
    var is_manager: String?
    var version: Int?

    struct Valid {
        let username: String
        let displayName: String
        let role: Role
        let organizationID: UUID?
        let isManager: Bool
    }

    var managerTicked: Bool { is_manager == "on" }

    /// `assigner` limits which roles may be handed out; `isNew` whether the username is asked.
    func validate(tenantID: UUID, assigner: Role, isNew: Bool, on db: any Database) async throws -> Result<Valid, ValidationFailure> {
        var validator = FormValidator()
        var username = ""
        if isNew {
            if let raw = validator.text("username", self.username, maxLength: Username.maximumLength) {
                if let normalized = Username.normalized(raw) {
                    username = normalized
                    if try await User.query(on: db).filter(\.$username == normalized).first() != nil {
                        validator.add("username", "validation.username_taken")
                    }
                } else {
                    validator.add("username", "validation.username_invalid")
                }
            }
        }
        let displayName = validator.text("display_name", display_name, maxLength: 120)
        let allowed = assigner.administersPlatform ? Role.allCases : Role.assignableByTenantAdmin
        let role = role.flatMap(Role.init(rawValue:)).flatMap { allowed.contains($0) ? $0 : nil }
        if role == nil { validator.add("role", "validation.choose_option") }
        var organizationID: UUID?
        if let raw = organization_id, !raw.isEmpty {
            organizationID = UUID(uuidString: raw)
            let exists = try await organizationID.asyncFlatMap { try await Organization.scoped(to: tenantID, on: db).filter(\.$id == $0).first() }
            if exists == nil { validator.add("organization_id", "validation.choose_option") }
        }
        if let role, role.belongsToOrganization, organizationID == nil {
            validator.add("organization_id", "validation.organization_required")
        }
        // A manager reads their organisation's monitor: without one (or as anything but its staff) the flag would mean nothing.
        if managerTicked, role != .professional || organizationID == nil {
            validator.add("is_manager", "validation.manager_needs_organization")
        }
        guard validator.isValid, let displayName, let role else { return .failure(ValidationFailure(issues: validator.issues)) }
        return .success(Valid(username: username, displayName: displayName, role: role, organizationID: organizationID, isManager: managerTicked))
    }
}
