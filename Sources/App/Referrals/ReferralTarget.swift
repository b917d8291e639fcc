import Domain
import Fluent
import Foundation

/// Where a referral goes: a service on the social map (received by the
/// Samenspel organisation that runs it) or an organisation directly.
struct ReferralTarget {
    let receiver: Organization
    let service: Service?

    var receiverID: UUID { receiver.id! }
    /// Working days within which the receiver should answer.
    var responseDays: Int { service?.responseDays ?? 5 }
    var name: String { service?.name ?? receiver.name }

    /// The chosen receiver, or the issue that stops it receiving referrals.
    static func resolve(serviceID: String?, organizationID: String?, actor: Actor, on db: any Database) async throws -> Result<ReferralTarget, ValidationIssue> {
        if let service = try await Service.chosen(serviceID, in: actor.tenantID, on: db) {
            guard service.isActive, service.acceptsReferrals,
                  let provider = try await MapOrganization.chosen(service.mapOrganizationID.uuidString, in: actor.tenantID, on: db),
                  let receiver = try await Organization.chosen(provider.organizationID?.uuidString, in: actor.tenantID, on: db)
            else { return .failure(ValidationIssue(field: "service_id", messageKey: "referral.service_not_accepting")) }
            return check(ReferralTarget(receiver: receiver, service: service), actor: actor)
        }
        if let receiver = try await Organization.chosen(organizationID, in: actor.tenantID, on: db) {
            return check(ReferralTarget(receiver: receiver, service: nil), actor: actor)
        }
        return .failure(ValidationIssue(field: "service_id", messageKey: "referral.choose_target"))
    }

    private static func check(_ target: ReferralTarget, actor: Actor) -> Result<ReferralTarget, ValidationIssue> {
        target.receiverID == actor.organizationID
            ? .failure(ValidationIssue(field: "service_id", messageKey: "referral.not_to_own_organization"))
            : .success(target)
    }

    /// Domains the receiver may not be told about: a partner needs the
    /// resident's active consent for each shared domain (DESIGN.md §3.4).
    func domainsWithoutConsent(_ domains: Set<LifeDomain>, householdID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<LifeDomain> {
        if receiver.partOfMunicipality { return [] }
        let consented = try await ResidentAccess.consentedDomains(householdID: householdID, organizationID: receiverID, tenantID: tenantID, on: db)
        return domains.subtracting(consented)
    }
}
