import Domain
import Fluent
import Foundation

extension ResidentAccess.Opened {
    /// The life domains a participation profile belongs to: anyone who may
    /// read the details of one of them may read it (issue 24).
    static let participationDomains: [LifeDomain] = [.socialParticipation, .workAndEducation, .timeUse]

    var readsParticipation: Bool { Self.participationDomains.contains { allows(.detail($0)) } }
    /// The resident writes their own; a professional with one of the domains helps.
    var writesParticipation: Bool { allows(.participate) || Self.participationDomains.contains { allows(.write($0)) } }

    func participationProfile(of residentID: UUID, on db: any Database) async throws -> ParticipationProfile? {
        guard readsParticipation else { return nil }
        return try await ParticipationProfile.select(
            in: household.tenantID, where: "household_id = \(bind: try household.requireID()) AND resident_id = \(bind: residentID)", limit: 1, on: db).first
    }

    /// The profile's earlier versions, newest first.
    func participationRevisions(of profile: ParticipationProfile, on db: any Database) async throws -> [ParticipationProfileRevision] {
        guard readsParticipation, profile.householdID == household.id else { return [] }
        return try await ParticipationProfileRevision.select(
            in: household.tenantID, where: "household_id = \(bind: profile.householdID) AND profile_id = \(bind: try profile.requireID())",
            orderBy: "version DESC", on: db)
    }
}

extension ResidentAccess.Opened {
    /// The resident's consents to be put forward, any status.
    func participationProposals(of residentID: UUID, on db: any Database) async throws -> [ParticipationProposal] {
        guard readsParticipation else { return [] }
        return try await ParticipationProposal.select(
            in: household.tenantID, where: "household_id = \(bind: try household.requireID()) AND resident_id = \(bind: residentID)", on: db)
    }
}
