import Domain
import Fluent
import Foundation

/// The rows of an opened household, each reader limited to what the decision
/// that opened it allows: members to whoever may know who lives there, the
/// team and consents to whoever sees the plan's overview, goals, actions and
/// notes per life domain. Code outside this folder reads resident rows only
/// through these (`ResidentDataAccessTests` holds it to that).
extension ResidentAccess.Opened {
    var householdID: UUID { household.id! }
    var tenantID: UUID { household.tenantID }

    // MARK: Members

    func members(on db: any Database) async throws -> [Resident] {
        guard allows(.identity) else { return [] }
        return try await Resident.select(in: tenantID, where: "household_id = \(bind: householdID)", orderBy: "birth_date, id", on: db)
    }

    /// A member by the id in a path or form, or nil.
    func member(_ raw: String?, on db: any Database) async throws -> Resident? {
        guard allows(.identity) else { return nil }
        return try await Resident.chosen(raw, in: household, on: db)
    }

    func member(_ id: UUID?, on db: any Database) async throws -> Resident? {
        try await member(id?.uuidString, on: db)
    }

    /// The members' ids, oldest record first: who a referral is about, without saying who that is.
    func memberIDs(on db: any Database) async throws -> [UUID] {
        guard knowsOfReferrals else { return [] }
        return try await Resident.scoped(to: tenantID, on: db).filter(\.$householdID == householdID).sort(\.$createdAt).all().compactMap(\.id)
    }

    /// The team, or an organisation a referral was sent to.
    private var knowsOfReferrals: Bool { allows(.identity) || !context.referredDomains.isEmpty }

    // MARK: Team, consent, representatives, signed versions

    /// What the coordinator's overview shows, and the resident sees of their own household.
    private var seesOverview: Bool { allows(.planOverview) }

    func involvements(on db: any Database) async throws -> [Involvement] {
        guard seesOverview else { return [] }
        return try await Involvement.select(in: tenantID, where: "household_id = \(bind: householdID)", orderBy: "starts_on, id", on: db)
    }

    func involvement(_ id: UUID?, on db: any Database) async throws -> Involvement? {
        guard seesOverview else { return nil }
        return try await Involvement.chosen(id?.uuidString, in: household, on: db)
    }

    /// An involvement of the actor's own organisation, which every professional
    /// on the team may see (to become its contact person).
    func involvement(_ id: UUID?, of organizationID: UUID, on db: any Database) async throws -> Involvement? {
        guard allows(.identity), let involvement = try await Involvement.chosen(id?.uuidString, in: household, on: db),
              involvement.organizationID == organizationID else { return nil }
        return involvement
    }

    /// The organisation's own involvement active today, if any (an organisation knows its own place on the team).
    func activeInvolvement(of organizationID: UUID, on db: any Database) async throws -> Involvement? {
        guard knowsOfReferrals else { return nil }
        let today = Day.today()
        return try await Involvement.scoped(to: tenantID, on: db).filter(\.$householdID == householdID)
            .filter(\.$organizationID == organizationID).all().first { $0.isActive(on: today) }
    }

    /// Exactly one coordinator: handing over takes it from the other. Only after a `.coordinate` decision.
    func clearCoordinator(on db: any Database) async throws {
        guard AccessPolicy.decide(context, .coordinate).isAllowed else { throw AppError.forbidden }
        try await Involvement.scoped(to: tenantID, on: db).filter(\.$householdID == householdID).set(\.$isCoordinator, to: false).update()
    }

    func consents(on db: any Database) async throws -> [Consent] {
        guard seesOverview else { return [] }
        return try await Consent.select(in: tenantID, where: "household_id = \(bind: householdID)", orderBy: "created_at DESC, id", on: db)
    }

    /// The consents that share something with `organizationID`, newest first:
    /// what a referral to it rests on, which its receiver may see.
    func consents(to organizationID: UUID, on db: any Database) async throws -> [Consent] {
        guard knowsOfReferrals else { return [] }
        return try await Consent.scoped(to: tenantID, on: db).filter(\.$householdID == householdID)
            .filter(\.$recipientOrganizationID == organizationID).sort(\.$createdAt, .descending).all()
    }

    func consent(_ id: UUID?, on db: any Database) async throws -> Consent? {
        guard seesOverview else { return nil }
        return try await Consent.chosen(id?.uuidString, in: household, on: db)
    }

    /// The signed versions, oldest first.
    func planVersions(on db: any Database) async throws -> [PlanVersion] {
        guard seesOverview else { return [] }
        return try await PlanVersion.select(in: tenantID, where: "household_id = \(bind: householdID)", orderBy: "number", on: db)
    }

    func latestPlanVersion(on db: any Database) async throws -> PlanVersion? {
        guard seesOverview else { return nil }
        return try await PlanVersion.select(in: tenantID, where: "household_id = \(bind: householdID)", orderBy: "number DESC", limit: 1, on: db).first
    }

    // MARK: Goals, actions, notes

    /// Goals in the domains whose details the actor sees, and for the
    /// overview (`overview`) the titles in every domain.
    func goals(overview: Bool = false, on db: any Database) async throws -> [Goal] {
        let all = try await Goal.select(in: tenantID, where: "household_id = \(bind: householdID)", orderBy: "created_at, id", on: db)
        return all.filter { goal in goal.lifeDomain.map { allows(.detail($0)) || (overview && seesOverview) } ?? false }
    }

    /// A goal by id, when its domain's details are visible.
    func goal(_ raw: String?, on db: any Database) async throws -> Goal? {
        guard let goal = try await Goal.chosen(raw, in: household, on: db), let domain = goal.lifeDomain, allows(.detail(domain)) else { return nil }
        return goal
    }

    func goal(_ id: UUID?, on db: any Database) async throws -> Goal? { try await goal(id?.uuidString, on: db) }

    /// An action of a goal the actor may see.
    func action(_ id: UUID?, of goal: Goal, on db: any Database) async throws -> PlanAction? {
        guard let action = try await PlanAction.chosen(id?.uuidString, in: household, on: db), action.goalID == goal.id,
              let domain = goal.lifeDomain, allows(.detail(domain)) else { return nil }
        return action
    }

    /// A goal's actions, oldest first, when its domain's details are visible.
    func actions(of goal: Goal, on db: any Database) async throws -> [PlanAction] {
        guard let domain = goal.lifeDomain, allows(.detail(domain)), goal.householdID == householdID else { return [] }
        return try await PlanAction.scoped(to: tenantID, on: db).filter(\.$goalID == goal.requireID()).sort(\.$createdAt).all()
    }

    /// The actions of these goals whose details are visible, oldest first, in one query.
    func actions(ofGoals goals: [Goal], on db: any Database) async throws -> [PlanAction] {
        let ids = goals.filter { $0.householdID == householdID && $0.lifeDomain.map { allows(.detail($0)) } == true }.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        return try await PlanAction.scoped(to: tenantID, on: db).filter(\.$goalID ~~ ids).sort(\.$createdAt).all()
    }

    /// A goal's referrals, oldest first, when its domain's details are visible.
    func referrals(of goal: Goal, on db: any Database) async throws -> [Referral] {
        guard let domain = goal.lifeDomain, allows(.detail(domain)), goal.householdID == householdID else { return [] }
        return try await Referral.scoped(to: tenantID, on: db).filter(\.$goalID == goal.requireID()).sort(\.$createdAt).all()
    }

    /// An action by id, when its goal's domain's details are visible.
    func action(_ id: UUID?, on db: any Database) async throws -> PlanAction? {
        guard let action = try await PlanAction.chosen(id?.uuidString, in: household, on: db),
              try await goal(action.goalID, on: db) != nil else { return nil }
        return action
    }

    /// The whole plan — every goal and action, in every domain — as the
    /// resident signs it and versions are compared: for whoever sees the
    /// plan's overview (the resident, the coordinator), never shown per
    /// domain from here.
    func wholePlan(on db: any Database) async throws -> (goals: [Goal], actions: [PlanAction]) {
        guard seesOverview else { return ([], []) }
        let actions = try await PlanAction.scoped(to: tenantID, on: db).filter(\.$householdID == householdID).sort(\.$createdAt).all()
        let goals = try await Goal.scoped(to: tenantID, on: db).filter(\.$householdID == householdID).sort(\.$createdAt).all()
        return (goals, actions)
    }

    /// Notes in the domains whose details the actor sees, newest first.
    func notes(limit: Int, on db: any Database) async throws -> [Note] {
        let domains = LifeDomain.allCases.filter { allows(.detail($0)) }
        guard !domains.isEmpty else { return [] }
        return try await Note.select(
            in: tenantID, where: "household_id = \(bind: householdID) AND domain IN (\(binds: domains.map(\.rawValue)))",
            orderBy: "occurred_on DESC, created_at DESC", limit: limit, on: db)
    }
}
