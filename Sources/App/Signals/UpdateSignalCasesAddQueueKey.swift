import Domain
import Fluent
import Foundation
import SQLKit

/// The queue pages by key (issue 23): each case keeps its weight as sortable
/// text (`SignalCase.queueKey`), read by one ascending index per status, so a
/// page deep in 50,000 open cases costs what the first does. The index it
/// replaces mixed directions and sorted every open case for each page.
struct UpdateSignalCasesAddQueueKey: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(SignalCase.schema).field("queue_key", .string, .required, .sql(.default(""))).update()
        try await fill(on: db)
        try await db.createIndex("signal_cases_queue_key", on: SignalCase.schema, "tenant_id", "status", "queue_key")
        try await db.dropIndex("signal_cases_queue")
    }

    func revert(on db: any Database) async throws {
        try await db.createIndex("signal_cases_queue", on: SignalCase.schema, "tenant_id", "status", "partners", "longest_months", "total_arrears_cents", "first_signalled_on")
        try await db.dropIndex("signal_cases_queue_key")
        try await db.schema(SignalCase.schema).deleteField("queue_key").update()
    }

    /// The keys of the cases that were there before, tenant by tenant, with
    /// the columns of this moment (the model may gain columns later).
    private func fill(on db: any Database) async throws {
        for tenant in try await db.sql.raw("SELECT id FROM tenants").all() {
            let tenantID = try tenant.decode(column: "id", as: UUID.self)
            let rows = try await db.sql.raw("""
                SELECT id, partners, longest_months, total_arrears_cents, first_signalled_on FROM signal_cases WHERE tenant_id = \(bind: tenantID)
                """).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let weight = CaseWeight(totalArrearsCents: try row.decode(column: "total_arrears_cents", as: Int.self),
                                        partners: try row.decode(column: "partners", as: Int.self),
                                        longestMonths: try row.decode(column: "longest_months", as: Int.self),
                                        firstSignalled: CivilDay(try row.decode(column: "first_signalled_on", as: String.self)) ?? .today())
                try await db.sql.update(SignalCase.schema).set("queue_key", to: SignalCase.queueKey(weight, id: id))
                    .where("tenant_id", .equal, tenantID).where("id", .equal, id).run()
            }
        }
    }
}
