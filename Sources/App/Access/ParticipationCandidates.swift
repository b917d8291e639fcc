import Domain
import Fluent
import Foundation
import SQLKit

/// What an offering organisation sees of the people who might take part
/// (issue 24, consent first): the residents who agreed to be put forward
/// for this offer — name, why they fit, since when — and of everyone else
/// whose profile fits only a count, shown when it is at least five. Each
/// candidate shown is logged under the resident's consent.
enum ParticipationCandidates {
    struct Candidate {
        let proposal: ParticipationProposal
        let name: String
        let explanation: MatchExplanation?
    }

    struct View {
        let candidates: [Candidate]
        /// Other profiles the offer fits, not put forward: nil below five, so nobody can be singled out.
        let othersFitting: Int?
    }

    static func forOffer(_ offer: ParticipationOffer, context: Context) async throws -> View {
        let tenantID = offer.tenantID, db = context.db
        let proposals = try await ParticipationProposal.select(
            in: tenantID, where: "offer_id = \(bind: try offer.requireID()) AND status IN (\(binds: [ParticipationProposal.Status.proposed.rawValue, ParticipationProposal.Status.accepted.rawValue]))",
            orderBy: "created_at", on: db)
        let residents = proposals.isEmpty ? [] : try await Resident.select(in: tenantID, where: "id IN (\(binds: proposals.map(\.residentID)))", on: db)
        let households = proposals.isEmpty ? [] : try await Household.select(in: tenantID, where: "id IN (\(binds: Array(Set(proposals.map(\.householdID)))))", on: db)
        let profiles = proposals.isEmpty ? [] : try await ParticipationProfile.select(in: tenantID, where: "resident_id IN (\(binds: proposals.map(\.residentID)))", on: db)
        let distances = try await ParticipationMatches.kilometres(of: households, to: offer, on: db)
        let byResident = Dictionary(profiles.map { ($0.residentID, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(residents.compactMap { resident in resident.id.map { ($0, resident.fullName) } }, uniquingKeysWith: { a, _ in a })

        var candidates: [Candidate] = []
        for proposal in proposals {
            // The resident's ladder is not part of what they agreed to share: no rung here.
            let explanation = byResident[proposal.residentID].flatMap { profile in
                ParticipationMatching.explain(profile.wish(rung: nil), offer.terms, kilometres: distances[proposal.householdID])
            }
            candidates.append(Candidate(proposal: proposal, name: names[proposal.residentID] ?? "", explanation: explanation))
            try await context.audit("participation_candidate.view", outcome: .allowed, basis: .consent, subjectID: proposal.householdID,
                                    purpose: "participation_offer", objectType: "participation_proposal", objectID: proposal.id?.uuidString)
        }
        let fitting = try await othersFitting(offer, besides: proposals.map(\.residentID), on: db)
        return View(candidates: candidates, othersFitting: fitting >= Suppression.smallestShownCount ? fitting : nil)
    }

    /// How many other profiles the offer can match (`ParticipationMatching.isMatch`):
    /// sharing a talent, through the talent index, and not ruling out its kind.
    static func othersFitting(_ offer: ParticipationOffer, besides residents: [UUID], on db: any Database) async throws -> Int {
        let terms = offer.terms
        guard !terms.talents.isEmpty else { return 0 }
        var condition: SQLQueryString = """
            SELECT COUNT(*) AS fitting FROM participation_profiles WHERE tenant_id = \(bind: offer.tenantID)
            AND id IN (SELECT profile_id FROM participation_profile_talents WHERE tenant_id = \(bind: offer.tenantID) AND talent IN (\(binds: terms.talents.sorted())))
            AND ',' || not_wanted || ',' NOT LIKE \(bind: "%,\(terms.kind.rawValue),%")
            """
        if !residents.isEmpty { condition = "\(condition) AND resident_id NOT IN (\(binds: residents))" }
        return try await db.sql.raw(condition).first()?.decode(column: "fitting", as: Int.self) ?? 0
    }

    /// The host's answer to one candidate, on the version it saw.
    static func decide(_ proposalID: UUID, of offer: ParticipationOffer, accept: Bool, seenVersion: Int, context: Context) async throws {
        let tenantID = offer.tenantID
        try await context.db.transaction { tx in
            guard let proposal = try await ParticipationProposal.select(in: tenantID, where: "id = \(bind: proposalID) AND offer_id = \(bind: try offer.requireID())",
                                                                        limit: 1, on: tx).first, proposal.proposalStatus == .proposed
            else { throw AppError.notFound }
            guard try await tx.sql.updateVersioned(ParticipationProposal.schema, id: proposalID, in: tenantID, expectedVersion: seenVersion, {
                $0.set("status", to: (accept ? ParticipationProposal.Status.accepted : .declined).rawValue).set("decided_at", to: Date())
            }) else { throw AppError.conflict }
            try await context.audit(accept ? "participation_proposal.accepted" : "participation_proposal.declined", outcome: .success, basis: .consent,
                                           subjectID: proposal.householdID, purpose: "participation_offer", objectType: "participation_proposal",
                                           objectID: proposalID.uuidString, on: tx)
        }
    }
}
