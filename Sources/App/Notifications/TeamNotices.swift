import Domain
import Fluent
import Foundation

/// Who needs to know, knows: the household's coordinator hears what the
/// resident does in the portal and of an emergency opening; a partner hears
/// that a consent it relied on was withdrawn. A notification names the
/// household, never a domain or what was written; its link leads through the
/// access rule like any other.
enum TeamNotices {
    /// The contact person of the coordinating organisation, unless that is who acted.
    static func tellCoordinator(_ opened: ResidentAccess.Opened, _ messageKey: String, actor: Actor, on db: any Database) async throws {
        let lead = try await opened.involvements(on: db).first { $0.isCoordinator && $0.isActive(on: Day.today()) }
        try await tell(lead?.contactUserID, opened, messageKey, actor: actor, on: db)
    }

    /// The contact person of `organizationID` on this household's team.
    static func tellOrganization(_ organizationID: UUID, _ opened: ResidentAccess.Opened, _ messageKey: String, actor: Actor, on db: any Database) async throws {
        let involvement = try await opened.involvements(on: db).first { $0.organizationID == organizationID && $0.isActive(on: Day.today()) }
        try await tell(involvement?.contactUserID, opened, messageKey, actor: actor, on: db)
    }

    private static func tell(_ userID: UUID?, _ opened: ResidentAccess.Opened, _ messageKey: String, actor: Actor, on db: any Database) async throws {
        guard let userID, userID != actor.userID else { return }
        try await Notifications.notify(userID, tenantID: opened.tenantID, messageKey: messageKey, subject: opened.household.name,
                                       link: SiteRoute.household.path(try opened.household.requireID()), on: db)
    }
}
