import Domain
import Fluent
import Foundation
import SQLKit

/// An offer's candidates among the people a municipal team already works
/// with (issue 24): the residents of households where the offering
/// organisation — part of the municipality — has an active involvement
/// whose domains let it read the profile (work & education, time use or
/// taking part), ranked by the one matching rule, each shown logged under
/// that involvement. A partner organisation sees no one here: for it,
/// consent comes first (`ParticipationCandidates`).
enum ParticipationCaseload {
    struct Candidate { let name: String; let householdID: UUID; let explanation: MatchExplanation }

    static let shown = 20

    static func candidates(for offer: ParticipationOffer, organizationID: UUID, besides residents: Set<UUID>, context: Context) async throws -> [Candidate] {
        let tenantID = offer.tenantID, db = context.db, terms = offer.terms
        guard !terms.talents.isEmpty,
              try await Organization.select(in: tenantID, where: "id = \(bind: organizationID) AND part_of_municipality = \(bind: true)", limit: 1, on: db).isEmpty == false
        else { return [] }
        let involved = try await db.sql.raw("""
            SELECT DISTINCT household_id FROM involvements WHERE tenant_id = \(bind: tenantID) AND organization_id = \(bind: organizationID)
              AND starts_on <= \(bind: context.today) AND (ends_on IS NULL OR ends_on > \(bind: context.today))
            """).all().map { try $0.decode(column: "household_id", as: UUID.self) }
        guard !involved.isEmpty else { return [] }
        // The access rule decides per household, as for any other read.
        let contexts = try await ResidentAccess(context: context).contexts(forHouseholdsInTenant: involved)
        let readable = contexts.filter { _, facts in
            ResidentAccess.Opened.participationDomains.contains { AccessPolicy.decide(facts, .detail($0)).isAllowed }
        }.keys
        guard !readable.isEmpty else { return [] }
        let profiles = try await ParticipationProfile.select(in: tenantID, where: """
            household_id IN (\(binds: Array(readable))) AND id IN (SELECT profile_id FROM participation_profile_talents WHERE tenant_id = \(bind: tenantID) AND talent IN (\(binds: terms.talents.sorted())))
            """, on: db).filter { !residents.contains($0.residentID) }
        guard !profiles.isEmpty else { return [] }
        let households = try await Household.select(in: tenantID, where: "id IN (\(binds: Array(Set(profiles.map(\.householdID)))))", on: db)
        let distances = try await ParticipationMatches.kilometres(of: households, to: offer, on: db)
        let byResident = Dictionary(profiles.map { ($0.residentID, $0) }, uniquingKeysWith: { a, _ in a })
        let ladderShown = readable.filter { contexts[$0].map { AccessPolicy.decide($0, .detail(ladderDomain(context))).isAllowed } ?? false }
        let rungs = try await latestRungs(of: profiles.filter { ladderShown.contains($0.householdID) }, context: context)
        let ranked = ParticipationMatching.rank(profiles.map { profile in
            (id: profile.residentID.uuidString, wish: profile.wish(rung: rungs[profile.residentID]), offer: terms,
             kilometres: distances[profile.householdID])
        }, limit: shown)
        let chosen = ranked.compactMap { UUID(uuidString: $0.id) }
        let names = Dictionary(try await Resident.select(in: tenantID, where: "id IN (\(binds: chosen))", on: db)
            .compactMap { resident in resident.id.map { ($0, resident.fullName) } }, uniquingKeysWith: { a, _ in a })
        var shown: [Candidate] = []
        for ranked in ranked {
            guard let residentID = UUID(uuidString: ranked.id), let profile = byResident[residentID] else { continue }
            shown.append(Candidate(name: names[residentID] ?? "", householdID: profile.householdID, explanation: ranked.explanation))
            try await context.audit("participation_candidate.view", outcome: .allowed, basis: .involvement, subjectID: profile.householdID,
                                    purpose: "participation_offer", objectType: "participation_profile", objectID: profile.id?.uuidString)
        }
        return shown
    }

    /// The life domain the participation ladder scores: who may not see it there sees no rung.
    static func ladderDomain(_ context: Context) -> LifeDomain {
        context.instruments.instrument(ParticipationMatches.ladder)?.items.first?.lifeDomain ?? .socialParticipation
    }

    /// Each resident's rung on their latest participation ladder (as the
    /// resident's own matches take it, `ParticipationMatches.latestRung`),
    /// for all of these profiles in one read.
    static func latestRungs(of profiles: [ParticipationProfile], context: Context) async throws -> [UUID: Int] {
        guard let tenantID = profiles.first?.tenantID else { return [:] }
        let rows = try await context.db.sql.raw("""
            SELECT a.resident_id, s.score FROM assessments a JOIN assessment_scores s ON s.tenant_id = a.tenant_id AND s.assessment_id = a.id
            WHERE a.tenant_id = \(bind: tenantID) AND a.household_id IN (\(binds: Array(Set(profiles.map(\.householdID)))))
              AND a.resident_id IN (\(binds: profiles.map(\.residentID))) AND a.instrument_id = \(bind: ParticipationMatches.ladder)
            ORDER BY a.assessed_on, a.created_at
            """).all()
        var rungs: [UUID: Int] = [:]
        for row in rows { rungs[try row.decode(column: "resident_id", as: UUID.self)] = try row.decode(column: "score", as: Int.self) }
        return rungs
    }
}
