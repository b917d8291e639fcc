import Domain
import Fluent
import SQLKit

/// Monitors counted before spreads were kept get them from their cells, so
/// their caseload figures do not wait for a rebuild.
struct FillMonitorSpreads: AsyncMigration {
    let catalog: IndicatorCatalog

    func prepare(on db: any Database) async throws {
        for tenant in try await Tenant.query(on: db).all() {
            let store = MonitorStore(db: db, tenantID: try tenant.requireID())
            try await store.respread(try await store.allSpreads(catalog: catalog))
        }
    }

    func revert(on db: any Database) async throws {
        for tenant in try await Tenant.query(on: db).all() {
            try await db.sql.raw("""
                DELETE FROM monitor_cell_values WHERE tenant_id = \(bind: try tenant.requireID()) AND breakdown LIKE '%#spread'
                """).run()
        }
    }
}
