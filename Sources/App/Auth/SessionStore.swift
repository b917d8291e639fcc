import Domain
import Fluent
import Vapor

/// Starts, resumes and ends login sessions (database rows behind an opaque cookie).
enum SessionStore {
    static let cookieName = "samenspel_session"

    /// Creates a session for `user` and sets its cookie on `response`.
    static func start(
        for user: User, stage: UserSession.Stage, req: Request, response: Response, on db: any Database
    ) async throws {
        let token = RandomToken.urlSafe()
        let session = UserSession(
            tokenHash: req.keyedHash.hex(token, purpose: "session"), tenantID: user.tenantID,
            userID: try user.requireID(), stage: stage, now: Date(), source: req.clientAddress
        )
        try await session.create(on: db)
        setCookie(token, on: response, req: req)
    }

    /// Moves a session to the next stage under a new token, so a token seen
    /// before the second factor is worth nothing after it.
    static func advance(
        _ session: UserSession, to stage: UserSession.Stage, req: Request, response: Response, on db: any Database
    ) async throws {
        let token = RandomToken.urlSafe()
        session.tokenHash = req.keyedHash.hex(token, purpose: "session")
        session.stage = stage.rawValue
        session.lastSeenAt = Date()
        try await session.save(on: db)
        setCookie(token, on: response, req: req)
    }

    static func end(req: Request, response: Response) async throws {
        if let session = req.loginSession { try await session.delete(on: req.db) }
        clearCookie(on: response)
    }

    /// Ends every session of a user: on deactivation, role change and password reset.
    static func endAll(userID: UUID, on db: any Database) async throws {
        try await UserSession.query(on: db).filter(\.$userID == userID).delete()
    }

    enum Resumed { case none, active, expired, unknown }

    /// Finds the session behind the cookie and applies the timeouts.
    static func resume(req: Request) async throws -> Resumed {
        guard let token = req.cookies[cookieName]?.string else { return .none }
        // The session, its account and the account's organisation in one
        // query: this runs on every request.
        guard token.count == 43,
              let session = try await UserSession.query(on: req.db)
                .join(User.self, on: \UserSession.$userID == \User.$id && \UserSession.$tenantID == \User.$tenantID)
                .join(Organization.self, on: \User.$organizationID == \Organization.$id && \User.$tenantID == \Organization.$tenantID, method: .left)
                .filter(\.$tokenHash == req.keyedHash.hex(token, purpose: "session")).first()
        else { return .unknown }
        let now = Date()
        guard req.application.config.sessionPolicy.verdict(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) == .valid else {
            try await session.delete(on: req.db)
            return .expired
        }
        // Read what the join brought before anything is saved: a save
        // replaces it with the session's own columns.
        let user = try session.joined(User.self)
        let municipal = try user.organizationID.map { _ in try session.joined(Organization.self).partOfMunicipality } ?? false
        guard user.isActive else {
            try await session.delete(on: req.db)
            return .unknown
        }
        // Recording every request would write on every read; a minute's
        // precision is plenty for a 30-minute idle timeout.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            try await session.save(on: req.db)
        }
        req.loginSession = session
        req.loginUser = user
        if session.loginStage == .complete {
            req.actor = try Actor(user, organizationIsMunicipal: municipal)
        }
        return .active
    }

    private static func setCookie(_ token: String, on response: Response, req: Request) {
        response.cookies[cookieName] = HTTPCookies.Value(
            string: token, path: "/", isSecure: req.application.config.behindTLS,
            isHTTPOnly: true, sameSite: .lax
        )
    }

    static func clearCookie(on response: Response) {
        response.cookies[cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    private struct SessionKey: StorageKey { typealias Value = UserSession }
    private struct UserKey: StorageKey { typealias Value = User }
    private struct ExpiredKey: StorageKey { typealias Value = Bool }

    var loginSession: UserSession? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    var loginUser: User? {
        get { storage[UserKey.self] }
        set { storage[UserKey.self] = newValue }
    }

    var sessionExpired: Bool {
        get { storage[ExpiredKey.self] ?? false }
        set { storage[ExpiredKey.self] = newValue }
    }
}
