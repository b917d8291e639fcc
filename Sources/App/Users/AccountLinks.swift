import Fluent
import Vapor

/// Issues and redeems one-time links for setting a password.
enum AccountLinks {
    static let lifetime: TimeInterval = 7 * 24 * 3600

    /// A fresh link for `user`; earlier unused links of the user stop working.
    static func issue(for user: User, purpose: AccountLink.Purpose, req: Request, on db: any Database) async throws -> String {
        let token = RandomToken.urlSafe()
        try await AccountLink.query(on: db).filter(\.$userID == user.requireID()).filter(\.$usedAt == nil).delete()
        try await AccountLink(
            tenantID: user.tenantID, userID: user.requireID(), tokenHash: req.keyedHash.hex(token, purpose: "account-link"),
            purpose: purpose, expiresAt: Date().addingTimeInterval(lifetime)
        ).create(on: db)
        return SiteRoute.accountLink.path(token)
    }

    /// The unexpired, unused link behind `token`, or nil.
    static func find(token: String, req: Request) async throws -> AccountLink? {
        guard token.count == 43 else { return nil }
        return try await AccountLink.query(on: req.db)
            .filter(\.$tokenHash == req.keyedHash.hex(token, purpose: "account-link"))
            .filter(\.$usedAt == nil).filter(\.$expiresAt > Date()).first()
    }
}
