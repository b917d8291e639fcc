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
        let ranked = ParticipationMatching.rank(profiles.map { profile in
            (id: profile.residentID.uuidString, wish: profile.wish(rung: nil), offer: terms,
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
}
