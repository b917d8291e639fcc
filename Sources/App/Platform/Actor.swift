import Domain
import Foundation
import Vapor

/// Who is asking: resolved once per request from the session, then handed to
/// handlers so none re-derives it.
struct Actor: Sendable {
    let userID: UUID
    let tenantID: UUID
    let role: Role
    let organizationID: UUID?
    let username: String
    let displayName: String
    let locale: AppLocale?
    /// The organisation is part of the municipality, so it needs no consent
    /// to see what its involvement covers (DESIGN.md §3.4).
    let organizationIsMunicipal: Bool
    /// Marked by the tenant admin as manager of their organisation.
    let isManager: Bool

    init(_ user: User, organizationIsMunicipal: Bool) throws {
        userID = try user.requireID()
        tenantID = user.tenantID
        role = user.userRole
        organizationID = user.organizationID
        username = user.username
        displayName = user.displayName
        locale = user.locale.flatMap(AppLocale.init(rawValue:))
        self.organizationIsMunicipal = organizationIsMunicipal
        isManager = user.isManager && user.organizationID != nil
    }

    /// What `MonitorAccess` needs to know about this reader.
    var monitorReader: MonitorReaderFacts {
        MonitorReaderFacts(role: role, organizationID: organizationID, isManager: isManager)
    }
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    /// For handlers behind `RequireLogin`; anywhere else a missing actor is a 401.
    func requireActor() throws -> Actor {
        guard let actor else { throw Abort(.unauthorized) }
        return actor
    }

    var currentUserLocale: AppLocale? { actor?.locale }

    /// A full link to `path` on this server, for links handed to people (invitations).
    func absoluteURL(_ path: String) -> String {
        "\(application.config.behindTLS ? "https" : "http")://\(headers.first(name: .host) ?? "localhost")\(path)"
    }

    /// The client address, as seen by this server (the proxy's, if behind one).
    var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
