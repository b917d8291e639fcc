import Domain
import Fluent
import Foundation
import SQLKit

/// Which indicators of the library a tenant's monitor hides, and how the
/// tenant admin's choice is saved.
///
/// Two admins may have the page open at once. Rather than a version for the
/// whole list (a 409 when anyone saved anything), a save writes only what
/// this admin changed: each box whose state differs from what their page
/// showed, set to the new state. A box they left alone is not written, so
/// it cannot undo another admin's change; a box both changed from the same
/// state ends where both wanted it. Saving the same form twice changes nothing.
enum IndicatorVisibility {
    /// The ids of the indicators this tenant hides.
    static func hidden(in tenantID: UUID, on db: any Database) async throws -> Set<String> {
        Set(try await MonitorIndicatorSetting.scoped(to: tenantID, on: db).filter(\.$hidden == true).all().map(\.indicatorID))
    }

    /// The changes a form asks for: each known indicator whose box differs
    /// from what the page showed, with whether it is now hidden.
    static func changes(library: [IndicatorDefinition], shownBefore: Set<String>, shownNow: Set<String>) -> [String: Bool] {
        var changes: [String: Bool] = [:]
        for indicator in library where shownBefore.contains(indicator.id) != shownNow.contains(indicator.id) {
            changes[indicator.id] = !shownNow.contains(indicator.id)
        }
        return changes
    }

    /// Writes each change as one upsert, so two saves of the same indicator
    /// cannot collide on the unique (tenant, indicator) key.
    static func save(_ changes: [String: Bool], in tenantID: UUID, on db: any Database, now: Date = Date()) async throws {
        for (indicator, hidden) in changes.sorted(by: { $0.key < $1.key }) {
            try await db.sql.raw("""
                INSERT INTO monitor_indicator_settings (tenant_id, id, indicator_id, hidden, updated_at)
                VALUES (\(bind: tenantID), \(bind: UUID()), \(bind: indicator), \(bind: hidden), \(bind: now))
                ON CONFLICT (tenant_id, indicator_id) DO UPDATE SET hidden = excluded.hidden, updated_at = excluded.updated_at
                """).run()
        }
    }
}

extension IndicatorCatalog {
    /// The catalog without the indicators in `hidden`.
    func without(_ hidden: Set<String>) -> IndicatorCatalog {
        hidden.isEmpty ? self : IndicatorCatalog(all.filter { !hidden.contains($0.id) })
    }
}
