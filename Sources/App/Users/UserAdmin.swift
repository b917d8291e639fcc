import Domain
import Fluent
import Vapor

/// Creating, changing, deactivating and resetting users; each step logged
/// in the same transaction as the change.
enum UserAdmin {
    enum Outcome {
        case saved(User, link: String?)
        case invalid([ValidationIssue])
        case conflict(current: User)
    }

    static func invite(_ form: UserForm, actor: Actor, req: Request) async throws -> Outcome {
        let valid: UserForm.Valid
        switch try await form.validate(tenantID: actor.tenantID, assigner: actor.role, isNew: true, on: req.db) {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        let user = User(tenantID: actor.tenantID, organizationID: valid.organizationID, username: valid.username, displayName: valid.displayName, role: valid.role)
        user.isManager = valid.isManager
        let link = try await req.db.transaction { tx in
            try await user.create(on: tx)
            try await req.audit("user.invite", outcome: .success, basis: .administration, objectType: "user", objectID: user.id?.uuidString, on: tx)
            return try await AccountLinks.issue(for: user, purpose: .invitation, req: req, on: tx)
        }
        return .saved(user, link: link)
    }

    static func update(_ user: User, with form: UserForm, actor: Actor, req: Request) async throws -> Outcome {
        let valid: UserForm.Valid
        switch try await form.validate(tenantID: user.tenantID, assigner: actor.role, isNew: false, on: req.db) {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        let id = try user.requireID()
        guard actor.role.manages(user.userRole) else { throw AppError.forbidden }
        let roleChanged = valid.role != user.userRole
        let saved = try await req.db.transaction { tx -> Bool in
            let landed = try await tx.sql.updateVersioned(User.schema, id: id, in: user.tenantID, expectedVersion: form.version ?? 0) {
                $0.set("display_name", to: valid.displayName).set("role", to: valid.role.rawValue)
                    .set("organization_id", to: valid.organizationID).set("is_manager", to: valid.isManager)
            }
            guard landed else { return false }
            // New rights take effect at the next sign-in, not in a session opened under the old ones.
            if roleChanged { try await SessionStore.endAll(userID: id, on: tx) }
            try await req.audit(roleChanged ? "user.role_change" : "user.update", outcome: .success, basis: .administration, objectType: "user", objectID: id.uuidString, on: tx)
            return true
        }
        let current = try await User.find(id, in: user.tenantID, on: req.db)
        return saved ? .saved(current, link: nil) : .conflict(current: current)
    }

    static func setActive(_ user: User, _ active: Bool, req: Request) async throws {
        let actor = try req.requireActor()
        guard user.id != actor.userID else { throw AppError.forbidden }
        guard actor.role.manages(user.userRole) else { throw AppError.forbidden }
        try await req.db.transaction { tx in
            user.isActive = active
            user.version += 1
            try await user.save(on: tx)
            if !active { try await SessionStore.endAll(userID: user.requireID(), on: tx) }
            try await req.audit(active ? "user.reactivate" : "user.deactivate", outcome: .success, basis: .administration, objectType: "user", objectID: user.id?.uuidString, on: tx)
        }
    }

    /// A new one-time link to set a password; optionally also clears the second
    /// factor (a lost phone without recovery codes).
    static func reset(_ user: User, secondFactor: Bool, req: Request) async throws -> String {
        let actor = try req.requireActor()
        guard actor.role.manages(user.userRole) else { throw AppError.forbidden }
        return try await req.db.transaction { tx in
            user.passwordHash = nil
            if secondFactor {
                user.totpSecret = nil
                try await RecoveryCode.query(on: tx).filter(\.$userID == user.requireID()).delete()
            }
            try await user.save(on: tx)
            try await SessionStore.endAll(userID: user.requireID(), on: tx)
            try await req.audit(secondFactor ? "user.reset_with_second_factor" : "user.reset", outcome: .success, basis: .administration, objectType: "user", objectID: user.id?.uuidString, on: tx)
            return try await AccountLinks.issue(for: user, purpose: .reset, req: req, on: tx)
        }
    }
}
