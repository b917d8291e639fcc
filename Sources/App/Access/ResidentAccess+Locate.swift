import Domain
import Fluent
import Foundation

/// Opening a household through one of its rows, when the request names the
/// row: its life domain decides which scope is asked. An id that is not a
/// row of that household is logged as a refusal and answered 404.
extension ResidentAccess {
    /// The goal `goalID` of household `householdID`, to read it or (`writing`)
    /// to change it or what hangs from it.
    func openGoal(_ goalID: UUID?, of householdID: UUID?, writing: Bool, event: String) async throws -> (Opened, Goal) {
        guard let goal = try await goalID.asyncFlatMap({ try await Goal.scoped(to: actor.tenantID, on: context.db).filter(\.$id == $0).first() }),
              goal.householdID == householdID, let domain = goal.lifeDomain else {
            _ = try await open(householdID, .identity, event: event)
            throw AppError.notFound
        }
        return (try await open(householdID, writing ? .write(domain) : .read(.detail(domain)), event: event), goal)
    }

    /// The referral `referralID` in the actor's tenant, after the access rule
    /// for its household and goal domain (team members, or the receiver while
    /// open): to see it, or (`acting`) to move it on, which an emergency opening may not.
    func openReferral(_ referralID: UUID?, acting: Bool, event: String) async throws -> (Referral, Goal, Opened) {
        guard let referral = try await referralID.asyncFlatMap({ try await Referral.scoped(to: actor.tenantID, on: context.db).filter(\.$id == $0).first() }),
              let goal = try await Goal.scoped(to: actor.tenantID, on: context.db).filter(\.$id == referral.goalID).first(),
              let domain = goal.lifeDomain else {
            _ = try await open(nil, .identity, event: event)
            throw AppError.notFound
        }
        let opened = try await open(referral.householdID, acting ? .handleReferral(domain) : .read(.referral(domain)), event: event)
        return (referral, goal, opened)
    }

    /// The referral as it is now, after someone else moved it on first.
    func current(_ referral: Referral, in opened: Opened) async throws -> Referral {
        guard let current = try await Referral.chosen(referral.id?.uuidString, in: opened.household, on: context.db) else { throw AppError.notFound }
        return current
    }

    /// The assessment `assessmentID`, its household opened for who the resident is; which
    /// of its scores the actor sees is decided per domain by the caller's reader.
    func openAssessment(_ assessmentID: UUID?, event: String) async throws -> (Opened, Assessment) {
        guard let assessment = try await assessmentID.asyncFlatMap({ try await Assessment.scoped(to: actor.tenantID, on: context.db).filter(\.$id == $0).first() }) else {
            _ = try await open(nil, .identity, event: event)
            throw AppError.notFound
        }
        return (try await open(assessment.householdID, .identity, event: event), assessment)
    }

    /// A consent with its household opened for the plan's overview, where the
    /// household page shows consents; another tenant's or an unknown id: 404.
    func openConsent(_ consentID: UUID?, event: String) async throws -> (Opened, Consent) {
        guard let consent = try await consentID.asyncFlatMap({ try await Consent.scoped(to: actor.tenantID, on: context.db).filter(\.$id == $0).first() }) else {
            _ = try await open(nil, .planOverview, event: event)
            throw AppError.notFound
        }
        return (try await open(consent.householdID, .planOverview, event: event), consent)
    }

    /// The first life domain an assessment scored, to log a refusal on.
    func firstDomain(of assessment: Assessment) async throws -> LifeDomain? {
        try await AssessmentScore.scoped(to: actor.tenantID, on: context.db).filter(\.$assessmentID == assessment.requireID()).first()?.lifeDomain
    }

    /// The volunteer's own actions, each with its household opened for it (DESIGN.md §3.6).
    func assignedActions(event: String) async throws -> [(Opened, PlanAction)] {
        let actions = try await PlanAction.scoped(to: actor.tenantID, on: context.db)
            .filter(\.$ownerUserID == actor.userID).filter(\.$ownerKind == ActionOwnerKind.volunteer.rawValue)
            .sort(\.$dueOn).all()
        var opened: [(Opened, PlanAction)] = []
        for action in actions { opened.append((try await openAction(action, event: event), action)) }
        return opened
    }

    /// One action by id, for the volunteer it is assigned to.
    func openAssignedAction(_ actionID: UUID?, event: String) async throws -> (Opened, PlanAction) {
        let action = try await PlanAction.find(actionID, in: actor.tenantID, on: context.db)
        return (try await openAction(action, event: event), action)
    }

    /// The resident the signed-in person is, or represents today.
    func ownResident() async throws -> Resident? {
        if let own = try await Resident.scoped(to: actor.tenantID, on: context.db).filter(\.$userID == actor.userID).first() { return own }
        let today = context.today
        let representation = try await Representation.scoped(to: actor.tenantID, on: context.db).filter(\.$userID == actor.userID).all()
            .first { $0.isActive(on: today) }
        return try await representation.asyncFlatMap { try await Resident.find($0.residentID, in: actor.tenantID, on: context.db) }
    }
}
