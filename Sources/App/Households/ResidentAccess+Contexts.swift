import Domain
import Fluent
import Vapor

extension ResidentAccess {
    /// What the policy needs to know about this actor and household, today.
    func context(for household: Household) async throws -> AccessContext {
        let contexts = try await contexts(for: [household])
        return contexts[try household.requireID()] ?? AccessContext(role: actor.role, sameTenant: false)
    }

    /// The same facts for many households at once (a worklist), with one
    /// query per kind of fact however many households there are.
    func contexts(for households: [Household]) async throws -> [UUID: AccessContext] {
        let ids = try households.map { try $0.requireID() }
        guard !ids.isEmpty else { return [:] }
        let today = Day.today()
        var contexts = Dictionary(uniqueKeysWithValues: households.map { household in
            (household.id!, AccessContext(role: actor.role, sameTenant: household.tenantID == actor.tenantID))
        })
        if actor.role == .resident {
            let own = try await ownHouseholds(among: ids, today: today)
            for id in own { contexts[id]?.ownHousehold = true }
        }
        if actor.role == .professional {
            let opened = try await BreakTheGlassController.openHouseholds(among: ids, userID: actor.userID, tenantID: actor.tenantID, on: req.db)
            for id in opened { contexts[id]?.breakTheGlass = true }
        }
        guard let organizationID = actor.organizationID else { return contexts }
        let involvements = try await Involvement.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$householdID ~~ ids).filter(\.$organizationID == organizationID).all()
            .filter { $0.isActive(on: today) }
        for (id, active) in Dictionary(grouping: involvements, by: \.householdID) {
            contexts[id]?.involvementDomains = active.reduce(into: Set<LifeDomain>()) { $0.formUnion($1.lifeDomains) }
            contexts[id]?.isCoordinator = active.contains(where: \.isCoordinator)
        }
        let referred = try await Referral.openDomains(householdIDs: ids, receiverID: organizationID, tenantID: actor.tenantID, on: req.db)
        let consented = try await Self.consentedDomains(householdIDs: ids, organizationID: organizationID, tenantID: actor.tenantID, on: req.db)
        let municipal = try await Organization.find(organizationID, in: actor.tenantID, on: req.db).partOfMunicipality
        for id in ids {
            contexts[id]?.referredDomains = referred[id] ?? []
            contexts[id]?.consentDomains = consented[id] ?? []
            contexts[id]?.organizationIsMunicipal = municipal
        }
        return contexts
    }

    /// The households among `ids` the signed-in resident belongs to or represents today.
    private func ownHouseholds(among ids: [UUID], today: String) async throws -> Set<UUID> {
        let members = try await Resident.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$householdID ~~ ids).filter(\.$userID == actor.userID).all()
        let represented = try await Representation.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$householdID ~~ ids).filter(\.$userID == actor.userID).all()
            .filter { $0.isActive(on: today) }
        return Set(members.map(\.householdID)).union(represented.map(\.householdID))
    }

    /// Domains that active consents of this household share with the organisation today.
    static func consentedDomains(householdID: UUID, organizationID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<LifeDomain> {
        try await consentedDomains(householdIDs: [householdID], organizationID: organizationID, tenantID: tenantID, on: db)[householdID] ?? []
    }

    /// The same, per household, for many households at once.
    static func consentedDomains(householdIDs: [UUID], organizationID: UUID, tenantID: UUID, on db: any Database) async throws -> [UUID: Set<LifeDomain>] {
        let today = Day.today()
        let consents = try await Consent.scoped(to: tenantID, on: db)
            .filter(\.$householdID ~~ householdIDs).filter(\.$recipientOrganizationID == organizationID).all()
            .filter { $0.effective(today: today) == .active }
        return Dictionary(grouping: consents, by: \.householdID)
            .mapValues { $0.reduce(into: Set<LifeDomain>()) { $0.formUnion($1.lifeDomains) } }
    }
}
