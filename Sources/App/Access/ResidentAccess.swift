import Domain
import Fluent
import Vapor

/// The one choke point for resident data (DESIGN.md §3): it finds the
/// household in the actor's tenant, gathers the facts, asks `AccessPolicy`
/// and writes every decision, allowed or denied, to the access log. No
/// controller reads a household, its members, team, consents or plan
/// around it.
struct ResidentAccess {
    let context: Context
    var actor: Actor { context.actor }

    /// The household with `id` when the actor may see `scope` of it; logs
    /// the decision. Unknown, another tenant's, or a role that never sees
    /// residents: 404. Known but not allowed: 403.
    func open(_ id: UUID?, _ scope: AccessScope, event: String, resident: UUID? = nil) async throws -> Opened {
        try await open(id, .read(scope), event: event, resident: resident)
    }

    /// The household with `id` when the actor may do `action` with it: seeing
    /// is not doing (a resident acts through the portal, an emergency opening
    /// only reads and adds notes). Logged and answered as `open(_:_:event:)`;
    /// `resident` names the member it is about in the log (a BSN shown), so the
    /// privacy officer finds it under that person.
    func open(_ id: UUID?, _ action: AccessAction, event: String, resident: UUID? = nil, object: LoggedObject? = nil) async throws -> Opened {
        let scope = action.scope
        let object = object ?? resident.map { LoggedObject(type: "resident", id: $0) }
        guard let id, let household = try await Household.scoped(to: actor.tenantID, on: context.db).filter(\.$id == id).first() else {
            try await log(event, .denied(.otherTenant), householdID: id, scope: scope, object: object)
            throw AppError.notFound
        }
        let facts = try await self.accessContext(for: household)
        let decision = AccessPolicy.decide(facts, action)
        try await log(event, decision, householdID: id, scope: scope, object: object)
        switch decision {
        case .allowed(let basis): return Opened(household: household, context: facts, basis: basis)
        case .denied(.otherTenant), .denied(.roleHasNoResidentAccess): throw AppError.notFound
        case .denied: throw AppError.forbidden
        }
    }

    /// One action, for the volunteer it is assigned to (DESIGN.md §3.6).
    func openAction(_ action: PlanAction, event: String) async throws -> Opened {
        guard let household = try await Household.scoped(to: actor.tenantID, on: context.db).filter(\.$id == action.householdID).first() else {
            try await log(event, .denied(.otherTenant), householdID: action.householdID, scope: .assignedAction)
            throw AppError.notFound
        }
        var facts = try await self.accessContext(for: household)
        facts.volunteerAssigned = action.ownerKind == ActionOwnerKind.volunteer.rawValue && action.ownerUserID == actor.userID
        let decision = AccessPolicy.decide(facts, .assignedAction)
        try await log(event, decision, householdID: action.householdID, scope: .assignedAction)
        guard case .allowed(let basis) = decision else { throw AppError.notFound }
        return Opened(household: household, context: facts, basis: basis)
    }

    struct Opened {
        let household: Household
        let context: AccessContext
        /// On what ground the decision that opened it allowed it: what every
        /// change made through it is logged under.
        let basis: AccessBasis

        func allows(_ scope: AccessScope) -> Bool { AccessPolicy.decide(context, scope).isAllowed }
        func allows(_ action: AccessAction) -> Bool { AccessPolicy.decide(context, action).isAllowed }
    }

    /// What a decision was about, when it is a row of the household rather
    /// than the household itself (a member, a conversation), for the log.
    struct LoggedObject { let type: String; let id: UUID }

    func log(_ event: String, _ decision: AccessDecision, householdID: UUID?, scope: AccessScope, object: LoggedObject? = nil) async throws {
        let basis: AccessBasis
        let outcome: AuditRecord.Outcome
        switch decision {
        case .allowed(let allowedBasis): (basis, outcome) = (allowedBasis, .allowed)
        case .denied: (basis, outcome) = (.none, .denied)
        }
        try await context.audit(
            event, outcome: outcome, basis: basis, subjectID: householdID,
            purpose: Self.describe(scope), objectType: object?.type ?? "household", objectID: (object?.id ?? householdID)?.uuidString
        )
    }

    static func describe(_ scope: AccessScope) -> String {
        switch scope {
        case .identity: "identity"
        case .planOverview: "plan_overview"
        case .detail(let domain): "detail:\(domain.rawValue)"
        case .assignedAction: "assigned_action"
        case .referral(let domain): "referral:\(domain.rawValue)"
        }
    }
}

extension Request {
    func residentAccess() throws -> ResidentAccess { ResidentAccess(context: try context()) }
}
