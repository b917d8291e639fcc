import Domain
import Fluent
import Foundation
import SQLKit

/// The resident agrees to be put forward for an offer, or takes it back;
/// the offering organisation accepts or declines. Only the resident (or
/// their representative) consents: it is their name that goes out.
enum ParticipationProposals {
    enum Refusal: Error { case alreadyProposed, alreadyAnswered, noProfile }

    static func propose(offerID: UUID, residentID: UUID, in opened: ResidentAccess.Opened, context: Context) async throws {
        guard opened.allows(.participate) else { throw AppError.notFound }
        let tenantID = opened.household.tenantID
        guard try await ParticipationOffer.select(in: tenantID, where: "id = \(bind: offerID)", limit: 1, on: context.db).first != nil else { throw AppError.notFound }
        guard try await opened.participationProfile(of: residentID, on: context.db) != nil else { throw Refusal.noProfile }
        try await context.db.transaction { tx in
            if let earlier = try await opened.participationProposals(of: residentID, on: tx).first(where: { $0.offerID == offerID }) {
                switch earlier.proposalStatus {
                case .proposed, .accepted: throw Refusal.alreadyProposed
                case .declined: throw Refusal.alreadyAnswered
                case .withdrawn:
                    guard try await tx.sql.updateVersioned(ParticipationProposal.schema, id: try earlier.requireID(), in: tenantID, expectedVersion: earlier.version, {
                        $0.set("status", to: ParticipationProposal.Status.proposed.rawValue).set("decided_at", to: SQLLiteral.null)
                    }) else { throw AppError.conflict }
                }
            } else {
                try await ParticipationProposal(offerID: offerID, householdID: try opened.household.requireID(), residentID: residentID, tenantID: tenantID,
                                                at: Date()).create(on: tx)
            }
            try await context.auditChange("participation_proposal.proposed", in: opened, objectType: "participation_offer", objectID: offerID.uuidString, on: tx)
        }
    }

    static func withdraw(proposalID: UUID, residentID: UUID, in opened: ResidentAccess.Opened, context: Context) async throws {
        guard opened.allows(.participate) else { throw AppError.notFound }
        try await context.db.transaction { tx in
            guard let proposal = try await opened.participationProposals(of: residentID, on: tx).first(where: { $0.id == proposalID }), proposal.isOpen
            else { throw AppError.notFound }
            guard try await tx.sql.updateVersioned(ParticipationProposal.schema, id: proposalID, in: proposal.tenantID, expectedVersion: proposal.version, {
                $0.set("status", to: ParticipationProposal.Status.withdrawn.rawValue).set("decided_at", to: Date())
            }) else { throw AppError.conflict }
            try await context.auditChange("participation_proposal.withdrawn", in: opened, objectType: "participation_proposal", objectID: proposalID.uuidString, on: tx)
        }
    }
}
