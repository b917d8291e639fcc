/// What a request for resident data is about (DESIGN.md §3).
public enum AccessScope: Equatable, Hashable, Sendable {
    /// Who the resident is: name, birth date, address, household members.
    case identity
    /// The plan across all domains: goal titles, status, owners (coordinators).
    case planOverview
    /// Goals, actions, notes, assessments and referrals in one life domain.
    case detail(LifeDomain)
    /// One action assigned to a volunteer, with what the resident shared.
    case assignedAction
    /// A referral in one life domain: for the team that may see the domain,
    /// and for the organisation it was sent to, before it joins the team.
    case referral(LifeDomain)
}

/// Everything the policy needs to know about who asks for whose data. The
/// App target gathers these facts from the database; the rule itself is here,
/// pure and tested as a matrix.
public struct AccessContext: Equatable, Sendable {
    public var role: Role
    public var sameTenant: Bool
    /// A resident of the household, or a registered representative of one.
    public var ownHousehold: Bool
    /// Domains of the actor organisation's active involvement (nil: not involved).
    public var involvementDomains: Set<LifeDomain>?
    public var organizationIsMunicipal: Bool
    /// Domains that active consents share with the actor's organisation.
    public var consentDomains: Set<LifeDomain>
    public var isCoordinator: Bool
    public var volunteerAssigned: Bool
    /// An active, unexpired break-the-glass opening by this professional.
    public var breakTheGlass: Bool
    /// Domains of open referrals sent to the actor's organisation.
    public var referredDomains: Set<LifeDomain>

    public init(
        role: Role, sameTenant: Bool = true, ownHousehold: Bool = false,
        involvementDomains: Set<LifeDomain>? = nil, organizationIsMunicipal: Bool = false,
        consentDomains: Set<LifeDomain> = [], isCoordinator: Bool = false,
        volunteerAssigned: Bool = false, breakTheGlass: Bool = false, referredDomains: Set<LifeDomain> = []
    ) {
        self.role = role
        self.sameTenant = sameTenant
        self.ownHousehold = ownHousehold
        self.involvementDomains = involvementDomains
        self.organizationIsMunicipal = organizationIsMunicipal
        self.consentDomains = consentDomains
        self.isCoordinator = isCoordinator
        self.volunteerAssigned = volunteerAssigned
        self.breakTheGlass = breakTheGlass
        self.referredDomains = referredDomains
    }
}

public enum AccessDecision: Equatable, Sendable {
    case allowed(AccessBasis)
    case denied(DenialReason)

    public var isAllowed: Bool { if case .allowed = self { true } else { false } }
}

public enum DenialReason: String, Equatable, Sendable {
    /// Another tenant's data does not exist for you: answer 404, not 403.
    case otherTenant = "other_tenant"
    case notInvolved = "not_involved"
    case domainNotCovered = "domain_not_covered"
    case noConsent = "no_consent"
    /// Analysts see aggregates only; administrators and the privacy officer
    /// manage the platform, not residents' files.
    case roleHasNoResidentAccess = "role_has_no_resident_access"
    case notAssigned = "not_assigned"
    /// The role may see this, but not do it here: a resident acts through the
    /// portal, an emergency opening only reads and adds notes.
    case actionNotPermitted = "action_not_permitted"
}

/// The one rule every read of resident data passes (DESIGN.md §3). Dutch law
/// binds each task to its purpose, so access is per life domain, never "the
/// whole file"; consent adds to a legal basis, it does not replace one.
public enum AccessPolicy {
    public static func decide(_ context: AccessContext, _ scope: AccessScope) -> AccessDecision {
        decide(context, .read(scope))
    }

    public static func decide(_ context: AccessContext, _ action: AccessAction) -> AccessDecision {
        guard context.sameTenant else { return .denied(.otherTenant) }
        switch context.role {
        case .resident:
            guard context.ownHousehold else { return .denied(.notInvolved) }
            switch action {
            case .read, .participate: return .allowed(.own)
            default: return .denied(.actionNotPermitted)
            }
        case .volunteer:
            return action == .read(.assignedAction) && context.volunteerAssigned ? .allowed(.consent) : .denied(.notAssigned)
        case .professional:
            return professional(context, action)
        case .analyst, .privacyOfficer, .tenantAdmin, .platformAdmin:
            return .denied(.roleHasNoResidentAccess)
        }
    }

    private static func professional(_ context: AccessContext, _ action: AccessAction) -> AccessDecision {
        switch action {
        case .read, .writeNote:
            // An emergency opening reads everything and may record what happened.
            return context.breakTheGlass ? .allowed(.breakTheGlass) : standing(context, action.scope)
        case .write, .coordinate, .recordConsent, .handleReferral:
            // Never under an emergency opening: only what the team itself may do.
            return standing(context, action.scope)
        case .participate:
            return .denied(.actionNotPermitted)
        }
    }

    /// What a professional may see by their organisation's own standing, without an emergency opening.
    private static func standing(_ context: AccessContext, _ scope: AccessScope) -> AccessDecision {
        // Partners need the resident's consent on top of their involvement.
        let municipal = context.organizationIsMunicipal
        let basis: AccessBasis = municipal ? .involvement : .consent
        if case .referral(let domain) = scope {
            let asTeam = standing(context, .detail(domain))
            guard !asTeam.isAllowed, context.referredDomains.contains(domain) else { return asTeam }
            return municipal || context.consentDomains.contains(domain) ? .allowed(basis) : .denied(.noConsent)
        }
        if scope == .identity {
            // Whoever works with the household, or was asked to, may know who it is.
            guard context.involvementDomains != nil || !context.referredDomains.isEmpty else { return .denied(.notInvolved) }
            let reach = (context.involvementDomains ?? []).union(context.referredDomains)
            return municipal || !context.consentDomains.isDisjoint(with: reach) ? .allowed(basis) : .denied(.noConsent)
        }
        guard let domains = context.involvementDomains else { return .denied(.notInvolved) }
        switch scope {
        case .planOverview:
            guard context.isCoordinator else { return .denied(.domainNotCovered) }
            return municipal || !context.consentDomains.isEmpty ? .allowed(basis) : .denied(.noConsent)
        case .detail(let domain):
            if domains.contains(domain) {
                return municipal || context.consentDomains.contains(domain) ? .allowed(basis) : .denied(.noConsent)
            }
            // A coordinator also sees details the resident consented to share with them.
            if context.isCoordinator, context.consentDomains.contains(domain) { return .allowed(.consent) }
            return .denied(.domainNotCovered)
        case .identity, .referral, .assignedAction:
            return .denied(.notAssigned)
        }
    }
}
