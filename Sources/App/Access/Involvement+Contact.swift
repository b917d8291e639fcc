import Fluent
import SQLKit
import Vapor

extension Involvement {
    /// Makes `userID` the involvement's contact person, but only while the
    /// contact is still the one the page showed (`shown`, nil for none).
    /// Returns false when a colleague became it meanwhile: one conditional
    /// update, so two claims at once never both win.
    static func claimContact(_ id: UUID, tenantID: UUID, for userID: UUID, shown: UUID?, on db: any Database) async throws -> Bool {
        var unchanged: SQLQueryString = "contact_user_id IS NULL"
        if let shown { unchanged = "contact_user_id = \(bind: shown)" }
        let claimed = try await db.sql.raw("""
            UPDATE involvements SET contact_user_id = \(bind: userID), updated_at = \(bind: Date())
            WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id) AND \(unchanged) RETURNING id
            """).all()
        return !claimed.isEmpty
    }
}
