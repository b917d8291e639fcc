import Foundation

/// Whose aggregates a monitor shows: the whole tenant's, or one organisation's.
public enum MonitorScope: Equatable, Hashable, Sendable {
    case tenant
    case organization(UUID)
}

/// Who asks to read a monitor: the facts the rule needs, nothing more.
public struct MonitorReaderFacts: Equatable, Sendable {
    public var role: Role
    /// The reader's own organisation, if any.
    public var organizationID: UUID?
    /// Marked by the tenant admin as a manager of that organisation.
    public var isManager: Bool

    public init(role: Role, organizationID: UUID? = nil, isManager: Bool = false) {
        (self.role, self.organizationID, self.isManager) = (role, organizationID, isManager)
    }

    /// A manager's flag counts only for a professional with an organisation.
    var managedOrganization: UUID? {
        role == .professional && isManager ? organizationID : nil
    }
}

/// The one place that decides who reads which monitor (DESIGN.md §2, §5):
/// the analyst and the tenant admin read the tenant's monitor and, within
/// it, any organisation's; a manager reads only their own organisation's.
/// Nobody else reads aggregates; nobody reads a resident here.
public enum MonitorAccess {
    public static func mayRead(_ reader: MonitorReaderFacts, _ scope: MonitorScope) -> Bool {
        if reader.role.readsMonitor { return true }
        guard case .organization(let organization) = scope, let managed = reader.managedOrganization else { return false }
        return organization == managed
    }

    /// The monitor a reader lands on: the widest scope they may read, or nil
    /// when they read none (a 403).
    public static func home(_ reader: MonitorReaderFacts) -> MonitorScope? {
        if reader.role.readsMonitor { return .tenant }
        return reader.managedOrganization.map(MonitorScope.organization)
    }

    /// Whether a reader sees an organisation's caseload per named
    /// professional: staff figures are the organisation's own management
    /// information, so only its managers; the municipality reads the median
    /// and the 90th percentile.
    public static func seesProfessionals(_ reader: MonitorReaderFacts, _ scope: MonitorScope) -> Bool {
        guard case .organization(let organization) = scope else { return false }
        return reader.managedOrganization == organization
    }
}
