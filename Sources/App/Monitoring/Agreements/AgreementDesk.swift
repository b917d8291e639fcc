import Domain
import Fluent
import Foundation

/// The agreements one person takes part in, and the side they speak for.
/// An agreement that is none of their business does not exist for them (404),
/// exactly like another tenant's data.
struct AgreementDesk {
    let context: Context

    var actor: Actor { context.actor }

    func side(on agreement: ImpactAgreement) -> AgreementSide? {
        AgreementSide.of(role: actor.role, isManager: actor.isManager, organization: actor.organizationID, partner: agreement.organizationID)
    }

    /// The municipality sees every agreement; a manager their organisation's.
    func list() async throws -> [ImpactAgreement] {
        if actor.role == .analyst || actor.role == .tenantAdmin {
            return try await ImpactAgreement.scoped(to: actor.tenantID, on: context.db).sort(\.$title).all()
        }
        guard actor.isManager, let organization = actor.organizationID else { return [] }
        return try await ImpactAgreement.scoped(to: actor.tenantID, on: context.db)
            .filter(\.$organizationID == organization).sort(\.$title).all()
    }

    /// The agreement with its reader's side, or a 404.
    func open(_ id: UUID?) async throws -> (ImpactAgreement, AgreementSide) {
        let agreement = try await ImpactAgreement.find(id, in: actor.tenantID, on: context.db)
        guard let side = side(on: agreement) else { throw AppError.notFound }
        return (agreement, side)
    }

    /// The agreement, for a change only the municipality makes.
    func openForMunicipality(_ id: UUID?) async throws -> ImpactAgreement {
        let (agreement, side) = try await open(id)
        guard side == .municipality else { throw AppError.forbidden }
        return agreement
    }

    func targets(of agreement: ImpactAgreement) async throws -> [ImpactAgreementTarget] {
        try await ImpactAgreementTarget.scoped(to: actor.tenantID, on: context.db)
            .filter(\.$agreementID == agreement.requireID()).all()
    }

    /// Every revision of the agreement's notes, for `NoteRevisions.current`.
    func notes(of agreement: ImpactAgreement) async throws -> [MonitorNote] {
        try await MonitorNote.scoped(to: actor.tenantID, on: context.db)
            .filter(\.$topic == MonitorNote.Topic.agreement.rawValue)
            .filter(\.$agreementID == agreement.requireID()).all()
    }

    /// Partner organisations the municipality can make an agreement with.
    func partners() async throws -> [Organization] {
        try await Organization.scoped(to: actor.tenantID, on: context.db)
            .filter(\.$partOfMunicipality == false).sort(\.$name).all()
    }
}
