import Foundation

/// Who may change what on the social map: tenant admins everything; a
/// professional the providers (and their services) linked to their own
/// organisation; nobody else anything.
public enum SocialMapRights {
    public static func canEdit(role: Role, actorOrganizationID: UUID?, providerOrganizationID: UUID?) -> Bool {
        if role.administersTenant { return true }
        guard role == .professional, let mine = actorOrganizationID, let theirs = providerOrganizationID else { return false }
        return mine == theirs
    }

    /// Only tenant admins add providers, link them to organisations, import and export.
    public static func canManageMap(role: Role) -> Bool { role.administersTenant }
}

extension MapTerm {
    /// Localization key of the term's name: life domains share the plan's names.
    public var nameKey: String {
        taxonomy == .lifeDomains ? "domain.\(code)" : "taxonomy.\(code)"
    }
}

extension MapTaxonomy {
    public static func term(for group: TargetGroup) -> MapTerm { MapTerm(taxonomy: .targetGroups, code: group.rawValue) }
}
