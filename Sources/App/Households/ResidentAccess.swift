import Domain
import Fluent
import Vapor

/// The one choke point for resident data (DESIGN.md §3): it finds the
/// household in the actor's tenant, gathers the facts, asks `AccessPolicy`
/// and writes every decision, allowed or denied, to the access log. No
/// controller reads a household, its members, team, consents or plan
/// around it.
struct ResidentAccess {
    let req: Request
    let actor: Actor

    /// The household with `id` when the actor may see `scope` of it; logs
    /// the decision. Unknown, another tenant's, or a role that never sees
    /// residents: 404. Known but not allowed: 403.
    func open(_ id: UUID?, _ scope: AccessScope, event: String) async throws -> Opened {
        guard let id, let household = try await Household.scoped(to: actor.tenantID, on: req.db).filter(\.$id == id).first() else {
            try await log(event, .denied(.otherTenant), householdID: id, scope: scope)
            throw AppError.notFound
        }
        let context = try await context(for: household)
        let decision = AccessPolicy.decide(context, scope)
        try await log(event, decision, householdID: id, scope: scope)
        switch decision {
        case .allowed: return Opened(household: household, context: context)
        case .denied(.otherTenant), .denied(.roleHasNoResidentAccess): throw AppError.notFound
        case .denied: throw AppError.forbidden
        }
    }

    /// One action, for the volunteer it is assigned to (DESIGN.md §3.6).
    func openAction(_ action: PlanAction, event: String) async throws -> Opened {
        guard let household = try await Household.scoped(to: actor.tenantID, on: req.db).filter(\.$id == action.householdID).first() else {
            try await log(event, .denied(.otherTenant), householdID: action.householdID, scope: .assignedAction)
            throw AppError.notFound
        }
        var context = try await context(for: household)
        context.volunteerAssigned = action.ownerKind == ActionOwnerKind.volunteer.rawValue && action.ownerUserID == actor.userID
        let decision = AccessPolicy.decide(context, .assignedAction)
        try await log(event, decision, householdID: action.householdID, scope: .assignedAction)
        guard decision.isAllowed else { throw AppError.notFound }
        return Opened(household: household, context: context)
    }

    struct Opened {
        let household: Household
        let context: AccessContext

        func allows(_ scope: AccessScope) -> Bool { AccessPolicy.decide(context, scope).isAllowed }
    }

    /// What the policy needs to know about this actor and household, today.
    func context(for household: Household) async throws -> AccessContext {
        let householdID = try household.requireID()
        var context = AccessContext(role: actor.role, sameTenant: household.tenantID == actor.tenantID)
        if actor.role == .resident {
            let member = try await Resident.scoped(to: actor.tenantID, on: req.db)
                .filter(\.$householdID == householdID).filter(\.$userID == actor.userID).first() != nil
            let today = Day.today()
            let represents = try await Representation.scoped(to: actor.tenantID, on: req.db)
                .filter(\.$householdID == householdID).filter(\.$userID == actor.userID).all()
                .contains { $0.isActive(on: today) }
            context.ownHousehold = member || represents
        }
        if actor.role == .professional {
            context.breakTheGlass = try await BreakTheGlassController.isOpen(householdID: householdID, userID: actor.userID, tenantID: actor.tenantID, on: req.db)
        }
        guard let organizationID = actor.organizationID else { return context }
        let today = Day.today()
        let involvements = try await Involvement.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$householdID == householdID).filter(\.$organizationID == organizationID).all()
            .filter { $0.isActive(on: today) }
        if !involvements.isEmpty {
            context.involvementDomains = involvements.reduce(into: Set<LifeDomain>()) { $0.formUnion($1.lifeDomains) }
            context.isCoordinator = involvements.contains(where: \.isCoordinator)
        }
        context.referredDomains = try await Referral.openDomains(householdID: householdID, receiverID: organizationID, tenantID: actor.tenantID, on: req.db)
        context.organizationIsMunicipal = try await Organization.find(organizationID, in: actor.tenantID, on: req.db).partOfMunicipality
        context.consentDomains = try await Self.consentedDomains(householdID: householdID, organizationID: organizationID, tenantID: actor.tenantID, on: req.db)
        return context
    }

    /// Domains that active consents of this household share with the organisation today.
    static func consentedDomains(householdID: UUID, organizationID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<LifeDomain> {
        let today = Day.today()
        return try await Consent.scoped(to: tenantID, on: db)
            .filter(\.$householdID == householdID).filter(\.$recipientOrganizationID == organizationID).all()
            .filter { $0.effective(today: today) == .active }
            .reduce(into: Set<LifeDomain>()) { $0.formUnion($1.lifeDomains) }
    }

    private func log(_ event: String, _ decision: AccessDecision, householdID: UUID?, scope: AccessScope) async throws {
        let basis: AccessBasis
        let outcome: AuditRecord.Outcome
        switch decision {
        case .allowed(let allowedBasis): (basis, outcome) = (allowedBasis, .allowed)
        case .denied: (basis, outcome) = (.none, .denied)
        }
        try await req.audit(
            event, outcome: outcome, basis: basis, subjectID: householdID,
            purpose: Self.describe(scope), objectType: "household", objectID: householdID?.uuidString
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
    func residentAccess() throws -> ResidentAccess { ResidentAccess(req: self, actor: try requireActor()) }
}
