import Domain
import Fluent
import SQLKit
import Vapor

extension ResidentAccess {
    /// What the policy needs to know about this actor and household, today.
    func accessContext(for household: Household) async throws -> AccessContext {
        let contexts = try await contexts(for: [household])
        return contexts[try household.requireID()] ?? AccessContext(role: actor.role, sameTenant: false)
    }

    /// The same facts for many households at once (a worklist), with one
    /// query per kind of fact however many households there are.
    func contexts(for households: [Household]) async throws -> [UUID: AccessContext] {
        let ids = try households.filter { $0.tenantID == actor.tenantID }.map { try $0.requireID() }
        var contexts = try await contexts(forHouseholdsInTenant: ids)
        for household in households where household.tenantID != actor.tenantID {
            contexts[try household.requireID()] = AccessContext(role: actor.role, sameTenant: false)
        }
        return contexts
    }

    /// As `contexts(for:)`, for households already read within the actor's tenant.
    func contexts(forHouseholdsInTenant ids: [UUID]) async throws -> [UUID: AccessContext] {
        guard !ids.isEmpty else { return [:] }
        let today = context.today
        var contexts = Dictionary(ids.map { ($0, AccessContext(role: actor.role, sameTenant: true)) }, uniquingKeysWith: { first, _ in first })
        if actor.role == .resident {
            let own = try await ownHouseholds(among: ids, today: today)
            for id in own { contexts[id]?.ownHousehold = true }
        }
        if actor.role == .professional {
            let opened = try await BreakTheGlassController.openHouseholds(among: ids, userID: actor.userID, tenantID: actor.tenantID, on: context.db)
            for id in opened { contexts[id]?.breakTheGlass = true }
        }
        guard let organizationID = actor.organizationID else { return contexts }
        for (id, involvement) in try await Self.activeInvolvements(householdIDs: ids, organizationID: organizationID, tenantID: actor.tenantID, today: today, on: context.db) {
            contexts[id]?.involvementDomains = involvement.domains
            contexts[id]?.isCoordinator = involvement.isCoordinator
        }
        let referred = try await Referral.openDomains(householdIDs: ids, receiverID: organizationID, tenantID: actor.tenantID, on: context.db)
        let consented = try await Self.consentedDomains(householdIDs: ids, organizationID: organizationID, tenantID: actor.tenantID, on: context.db)
        for id in ids {
            contexts[id]?.referredDomains = referred[id] ?? []
            contexts[id]?.consentDomains = consented[id] ?? []
            contexts[id]?.organizationIsMunicipal = actor.organizationIsMunicipal
        }
        return contexts
    }

    /// The households among `ids` the signed-in resident belongs to or represents today.
    private func ownHouseholds(among ids: [UUID], today: String) async throws -> Set<UUID> {
        let members = try await Resident.scoped(to: actor.tenantID, on: context.db)
            .filter(\.$householdID ~~ ids).filter(\.$userID == actor.userID).all()
        let represented = try await Representation.scoped(to: actor.tenantID, on: context.db)
            .filter(\.$householdID ~~ ids).filter(\.$userID == actor.userID).all()
            .filter { $0.isActive(on: today) }
        return Set(members.map(\.householdID)).union(represented.map(\.householdID))
    }

    /// Domains that active consents of this household share with the organisation today.
    static func consentedDomains(householdID: UUID, organizationID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<LifeDomain> {
        try await consentedDomains(householdIDs: [householdID], organizationID: organizationID, tenantID: tenantID, on: db)[householdID] ?? []
    }

    /// The same, per household, for many households at once. Plain SQL, as
    /// the other facts here: they are read on every page with resident data.
    static func consentedDomains(householdIDs: [UUID], organizationID: UUID, tenantID: UUID, on db: any Database) async throws -> [UUID: Set<LifeDomain>] {
        guard !householdIDs.isEmpty else { return [:] }
        let today = Day.today()
        let rows = try await db.sql.raw("""
            SELECT household_id, domains, status, valid_from, valid_to FROM consents
            WHERE tenant_id = \(bind: tenantID) AND recipient_organization_id = \(bind: organizationID) AND household_id IN (\(binds: householdIDs))
            """).all()
        return try LifeDomain.byHousehold(rows.filter { row in
            let status = ConsentStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .withdrawn
            return ConsentRule.effective(status: status, validFrom: try row.decode(column: "valid_from", as: String.self),
                                         validTo: try row.decode(column: "valid_to", as: String?.self), today: today) == .active
        })
    }

    /// Per household: the life domains of the organisation's involvements
    /// active today, and whether one of them coordinates.
    static func activeInvolvements(householdIDs: [UUID], organizationID: UUID, tenantID: UUID, today: String, on db: any Database) async throws -> [UUID: (domains: Set<LifeDomain>, isCoordinator: Bool)] {
        let rows = try await db.sql.raw("""
            SELECT household_id, domains, is_coordinator, starts_on, ends_on FROM involvements
            WHERE tenant_id = \(bind: tenantID) AND organization_id = \(bind: organizationID) AND household_id IN (\(binds: householdIDs))
            """).all()
        var active: [UUID: (domains: Set<LifeDomain>, isCoordinator: Bool)] = [:]
        for row in rows where Involvement.isActive(startsOn: try row.decode(column: "starts_on", as: String.self), endsOn: try row.decode(column: "ends_on", as: String?.self), on: today) {
            let id = try row.decode(column: "household_id", as: UUID.self)
            var facts = active[id] ?? ([], false)
            facts.domains.formUnion(LifeDomain.decode(try row.decode(column: "domains", as: String.self)))
            facts.isCoordinator = try facts.isCoordinator || row.decode(column: "is_coordinator", as: Bool.self)
            active[id] = facts
        }
        return active
    }
}
