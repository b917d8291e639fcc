import Domain
import Fluent
import Foundation

/// Writing the notes beside the figures: a first wording, or a revision
/// that replaces the wording its writer started from — never an overwrite.
enum MonitorNotes {
    /// Who may write which stories behind the curve: the municipality on the
    /// tenant's monitor, a manager on their organisation's own.
    static func storyScope(of actor: Actor) -> (organization: UUID?, side: AgreementSide)? {
        switch MonitorAccess.home(actor.monitorReader) {
        case .tenant?: (nil, .municipality)
        case .organization(let id)?: (id, .partner)
        case nil: nil
        }
    }

    /// Whether `actor` may revise `note`: the same side of the same agreement,
    /// or a story of the scope they write in.
    static func mayRevise(_ note: MonitorNote, _ actor: Actor, agreement: ImpactAgreement?) -> Bool {
        switch MonitorNote.Topic(rawValue: note.topic) {
        case .agreement:
            guard let agreement else { return false }
            return AgreementSide.of(role: actor.role, isManager: actor.isManager, organization: actor.organizationID,
                                    partner: agreement.organizationID)?.rawValue == note.side
        case .story:
            guard let scope = storyScope(of: actor) else { return false }
            return scope.organization == note.organizationID
        case nil:
            return false
        }
    }

    /// The newest revision of the note `id` belongs to.
    static func latest(_ id: UUID, tenantID: UUID, on db: any Database) async throws -> MonitorNote? {
        guard var note = try await MonitorNote.scoped(to: tenantID, on: db).filter(\.$id == id).first() else { return nil }
        for _ in 0..<1000 {
            guard let next = try await MonitorNote.scoped(to: tenantID, on: db).filter(\.$replacesID == note.requireID()).first() else { break }
            note = next
        }
        return note
    }

    /// Saves `text` as the revision after `note`; false when someone else
    /// revised that same wording first (nothing is written then).
    static func revise(_ note: MonitorNote, to text: String, by actor: Actor, on db: any Database) async throws -> Bool {
        let next = try note.revised(text, by: actor.userID, actor.displayName)
        do {
            try await next.create(on: db)
            return true
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
    }
}
