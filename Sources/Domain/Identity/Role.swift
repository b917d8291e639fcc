/// The roles of DESIGN.md §2. A coordinator is a professional with a
/// coordinating involvement in one household, so it is not a role here.
public enum Role: String, CaseIterable, Codable, Sendable {
    case resident
    case professional
    case volunteer
    case analyst
    case privacyOfficer = "privacy_officer"
    case tenantAdmin = "tenant_admin"
    case platformAdmin = "platform_admin"

    /// Residents may add TOTP but are not forced to; everyone else can reach
    /// resident data or the controls over it, so a second factor is mandatory.
    public var requiresSecondFactor: Bool { self != .resident }

    /// Roles that belong to an organisation of the tenant.
    public var belongsToOrganization: Bool {
        switch self {
        case .professional, .volunteer: true
        default: false
        }
    }

    public var administersTenant: Bool { self == .tenantAdmin || self == .platformAdmin }
    public var administersPlatform: Bool { self == .platformAdmin }
    public var reviewsAccessLog: Bool { self == .privacyOfficer }
    /// The tenant's monitor: aggregates only, never a resident (DESIGN §2): the analyst, and the
    /// tenant admin who manages the indicators. Who reads which monitor, managers included: `MonitorAccess`.
    public var readsMonitor: Bool { self == .analyst || self == .tenantAdmin }

    /// Whether someone in this role may change, deactivate or reset an account
    /// in `other`: only a platform admin touches a platform admin's account.
    public func manages(_ other: Role) -> Bool {
        administersTenant && (other != .platformAdmin || administersPlatform)
    }

    /// Roles a tenant admin may hand out; only a platform admin makes platform admins.
    public static let assignableByTenantAdmin: [Role] = [
        .resident, .professional, .volunteer, .analyst, .privacyOfficer, .tenantAdmin,
    ]
}
