import Foundation

/// The two sides of an impact agreement (prestatieafspraak): the
/// municipality, which makes the agreement and responds, and the partner
/// organisation, whose managers write the story behind its numbers.
public enum AgreementSide: String, Sendable, CaseIterable, Codable {
    case municipality, partner

    /// The side someone speaks for on an agreement with `partner`, or nil
    /// when the agreement is none of their business (then it does not exist
    /// for them). The analyst and the tenant admin speak for the
    /// municipality; a manager for their own organisation only.
    public static func of(role: Role, isManager: Bool, organization: UUID?, partner: UUID) -> AgreementSide? {
        if role == .analyst || role == .tenantAdmin { return .municipality }
        if role == .professional, isManager, organization == partner { return .partner }
        return nil
    }
}
