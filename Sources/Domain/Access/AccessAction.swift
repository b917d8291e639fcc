/// What a request wants to do with a household's data. Seeing is not doing
/// (DESIGN.md §3.2): a resident sees their whole household but acts only
/// through the portal; an emergency opening reads and may add a note, and
/// nothing done under it outlives it (§3.8).
public enum AccessAction: Equatable, Hashable, Sendable {
    /// Seeing one scope.
    case read(AccessScope)
    /// Goals, actions, assessments and referrals in one life domain, through the professionals' forms.
    case write(LifeDomain)
    /// A note in one life domain: also what an emergency opening may write.
    case writeNote(LifeDomain)
    /// The team around the household: involvements, coordination, members and
    /// representatives, the plan's review date and paper signature, portal codes.
    case coordinate
    /// Recording or withdrawing a consent on the resident's behalf (on paper, by phone).
    case recordConsent
    /// Accepting, refusing, redirecting or closing a referral in one life domain.
    case handleReferral(LifeDomain)
    /// What the portal offers the resident: own steps and comments, signing,
    /// self-assessment, giving and withdrawing their own consent.
    case participate

    /// The scope whose facts decide a professional's right to this action, and
    /// which the access log names as its purpose.
    public var scope: AccessScope {
        switch self {
        case .read(let scope): scope
        case .write(let domain), .writeNote(let domain): .detail(domain)
        case .coordinate, .recordConsent: .planOverview
        case .handleReferral(let domain): .referral(domain)
        case .participate: .identity
        }
    }
}
