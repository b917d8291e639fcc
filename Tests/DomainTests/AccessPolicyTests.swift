import Testing
@testable import Domain

/// The access rule as a matrix: every role × relation to the household ×
/// domain × consent state × break-the-glass, checked against the invariants
/// of DESIGN.md §3, plus the concrete cases that define them.
@Suite("Access policy")
struct AccessPolicyTests {
    static let finances = LifeDomain.finances
    static let housing = LifeDomain.housing
    static let scopes: [AccessScope] = [.identity, .planOverview, .assignedAction] + LifeDomain.allCases.map { .detail($0) }

    /// Every combination of the facts that matter.
    static var everyContext: [AccessContext] {
        var contexts: [AccessContext] = []
        let involvements: [Set<LifeDomain>?] = [nil, [finances], [finances, housing]]
        let consents: [Set<LifeDomain>] = [[], [finances], [housing], Set(LifeDomain.allCases)]
        for role in Role.allCases {
            for sameTenant in [true, false] {
                for ownHousehold in [true, false] {
                    for involvement in involvements {
                        for municipal in [true, false] {
                            for consent in consents {
                                for coordinator in [true, false] {
                                    for assigned in [true, false] {
                                        for glass in [true, false] {
                                            contexts.append(AccessContext(
                                                role: role, sameTenant: sameTenant, ownHousehold: ownHousehold,
                                                involvementDomains: involvement, organizationIsMunicipal: municipal,
                                                consentDomains: consent, isCoordinator: coordinator,
                                                volunteerAssigned: assigned, breakTheGlass: glass))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return contexts
    }

    @Test func matrixInvariants() {
        var checked = 0
        for context in Self.everyContext {
            for scope in Self.scopes {
                let decision = AccessPolicy.decide(context, scope)
                checked += 1
                // 1. Another tenant's data does not exist.
                if !context.sameTenant { #expect(decision == .denied(.otherTenant)); continue }
                switch context.role {
                case .analyst, .privacyOfficer, .tenantAdmin, .platformAdmin:
                    // 7. Never an individual's data.
                    #expect(decision == .denied(.roleHasNoResidentAccess))
                case .resident:
                    // 2. Own household, all of it; nobody else's.
                    #expect(decision == (context.ownHousehold ? .allowed(.own) : .denied(.notInvolved)))
                case .volunteer:
                    // 6. Only assigned actions.
                    #expect(decision.isAllowed == (scope == .assignedAction && context.volunteerAssigned))
                case .professional:
                    if context.breakTheGlass {
                        // 8. Emergency opening, always flagged by its basis.
                        #expect(decision == .allowed(.breakTheGlass))
                    } else if context.involvementDomains == nil {
                        // 3. No involvement, nothing.
                        #expect(!decision.isAllowed)
                    } else if case .detail(let domain) = scope, decision.isAllowed {
                        let inOwnDomains = context.involvementDomains!.contains(domain)
                        // 3–5. Own domains (with consent for partners) or, for a coordinator, consented ones.
                        #expect(inOwnDomains || (context.isCoordinator && context.consentDomains.contains(domain)))
                        if !context.organizationIsMunicipal { #expect(context.consentDomains.contains(domain)) }
                    } else if scope == .planOverview {
                        #expect(decision.isAllowed == (context.isCoordinator && (context.organizationIsMunicipal || !context.consentDomains.isEmpty)))
                    }
                    if !context.organizationIsMunicipal, context.consentDomains.isEmpty, !context.breakTheGlass {
                        // 4. A partner without any consent sees nothing at all.
                        #expect(!decision.isAllowed)
                    }
                    if scope == .assignedAction, !context.breakTheGlass { #expect(!decision.isAllowed) }
                }
            }
        }
        #expect(checked == Self.everyContext.count * Self.scopes.count)
    }

    @Test func municipalProfessionalSeesOwnDomainsOnly() {
        let context = AccessContext(role: .professional, involvementDomains: [Self.finances], organizationIsMunicipal: true)
        #expect(AccessPolicy.decide(context, .detail(Self.finances)) == .allowed(.involvement))
        #expect(AccessPolicy.decide(context, .detail(Self.housing)) == .denied(.domainNotCovered))
        #expect(AccessPolicy.decide(context, .identity) == .allowed(.involvement))
        #expect(AccessPolicy.decide(context, .planOverview) == .denied(.domainNotCovered))
    }

    @Test func partnerNeedsConsentPerDomain() {
        var context = AccessContext(role: .professional, involvementDomains: [Self.finances, Self.housing])
        #expect(AccessPolicy.decide(context, .detail(Self.finances)) == .denied(.noConsent))
        #expect(AccessPolicy.decide(context, .identity) == .denied(.noConsent))
        context.consentDomains = [Self.finances]
        #expect(AccessPolicy.decide(context, .detail(Self.finances)) == .allowed(.consent))
        #expect(AccessPolicy.decide(context, .detail(Self.housing)) == .denied(.noConsent))
        #expect(AccessPolicy.decide(context, .identity) == .allowed(.consent))
        // Withdrawal (or expiry) is the same as never having consented.
        context.consentDomains = []
        #expect(AccessPolicy.decide(context, .detail(Self.finances)) == .denied(.noConsent))
    }

    @Test func coordinatorSeesTheOverviewAndConsentedDetails() {
        let context = AccessContext(role: .professional, involvementDomains: [Self.housing], organizationIsMunicipal: true, consentDomains: [Self.finances], isCoordinator: true)
        #expect(AccessPolicy.decide(context, .planOverview) == .allowed(.involvement))
        #expect(AccessPolicy.decide(context, .detail(Self.housing)) == .allowed(.involvement))
        #expect(AccessPolicy.decide(context, .detail(Self.finances)) == .allowed(.consent))
        #expect(AccessPolicy.decide(context, .detail(.mentalHealth)) == .denied(.domainNotCovered))
    }

    @Test func breakTheGlassOpensEverythingForProfessionalsOnly() {
        let professional = AccessContext(role: .professional, breakTheGlass: true)
        #expect(AccessPolicy.decide(professional, .detail(.justice)) == .allowed(.breakTheGlass))
        let analyst = AccessContext(role: .analyst, breakTheGlass: true)
        #expect(AccessPolicy.decide(analyst, .identity) == .denied(.roleHasNoResidentAccess))
        let elsewhere = AccessContext(role: .professional, sameTenant: false, breakTheGlass: true)
        #expect(AccessPolicy.decide(elsewhere, .identity) == .denied(.otherTenant))
    }
}

/// Seeing is not doing: every action for every context, against the rules of
/// DESIGN.md §3.2 and §3.8.
@Suite("Access policy: actions")
struct AccessActionTests {
    static let actions: [AccessAction] = AccessPolicyTests.scopes.map { .read($0) }
        + LifeDomain.allCases.flatMap { [AccessAction.write($0), .writeNote($0), .handleReferral($0)] }
        + [.coordinate, .recordConsent, .participate]

    @Test func matrixInvariants() {
        for context in AccessPolicyTests.everyContext {
            var withoutGlass = context
            withoutGlass.breakTheGlass = false
            for action in Self.actions {
                let decision = AccessPolicy.decide(context, action)
                if !context.sameTenant { #expect(decision == .denied(.otherTenant)); continue }
                switch context.role {
                case .resident:
                    // Sees all of their own household; does only what the portal offers.
                    let portal: Bool = if case .read = action { true } else { action == .participate }
                    #expect(decision.isAllowed == (context.ownHousehold && portal))
                case .volunteer:
                    #expect(decision.isAllowed == (action == .read(.assignedAction) && context.volunteerAssigned))
                case .professional:
                    #expect(action != .participate || !decision.isAllowed)
                    switch action {
                    case .read(let scope):
                        // Reading is the scope rule itself.
                        #expect(decision == AccessPolicy.decide(context, scope))
                    case .writeNote(let domain):
                        #expect(decision == AccessPolicy.decide(context, .detail(domain)))
                    case .write, .coordinate, .recordConsent, .handleReferral:
                        // An emergency opening adds nothing to what may be changed.
                        #expect(decision == AccessPolicy.decide(withoutGlass, action))
                        #expect(decision.isAllowed == AccessPolicy.decide(withoutGlass, action.scope).isAllowed)
                        #expect(decision != .allowed(.breakTheGlass))
                    case .participate:
                        #expect(decision == .denied(.actionNotPermitted))
                    }
                case .analyst, .privacyOfficer, .tenantAdmin, .platformAdmin:
                    #expect(decision == .denied(.roleHasNoResidentAccess))
                }
            }
        }
    }

    @Test func anEmergencyOpeningReadsAndNotesButChangesNothingElse() {
        let outsider = AccessContext(role: .professional, breakTheGlass: true)
        #expect(AccessPolicy.decide(outsider, .read(.detail(.justice))) == .allowed(.breakTheGlass))
        #expect(AccessPolicy.decide(outsider, .writeNote(.mentalHealth)) == .allowed(.breakTheGlass))
        #expect(AccessPolicy.decide(outsider, .recordConsent) == .denied(.notInvolved))
        #expect(AccessPolicy.decide(outsider, .coordinate) == .denied(.notInvolved))
        #expect(AccessPolicy.decide(outsider, .write(.finances)) == .denied(.notInvolved))
        #expect(AccessPolicy.decide(outsider, .handleReferral(.finances)) == .denied(.notInvolved))
    }

    @Test func aResidentParticipatesButDoesNotCoordinate() {
        let resident = AccessContext(role: .resident, ownHousehold: true)
        #expect(AccessPolicy.decide(resident, .read(.planOverview)) == .allowed(.own))
        #expect(AccessPolicy.decide(resident, .participate) == .allowed(.own))
        for action: AccessAction in [.coordinate, .recordConsent, .write(.finances), .writeNote(.finances), .handleReferral(.finances)] {
            #expect(AccessPolicy.decide(resident, action) == .denied(.actionNotPermitted))
        }
    }
}
