import Fluent
import Foundation
import Logging
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 27: the schema can be sharded by municipality. Every table is
/// either a reference table (`ShardLayout.reference`) or distributed by its
/// tenant, and a distributed table's primary key, unique constraints, unique
/// indexes and references to other distributed tables all carry the tenant —
/// what a distributed PostgreSQL needs to enforce them on one shard.
@Suite("Keys that carry the tenant")
struct ShardKeysTests {
    @Test func everyTableCanBeShardedByItsTenant() async throws {
        try await withApp { app in
            let catalog = try await Catalog.read(app.db as! any SQLDatabase)
            #expect(catalog.keys.count >= 40, "the catalog was read: \(catalog.keys.count) tables")
            for table in ShardLayout.reference { #expect(catalog.keys[table] != nil, "\(table) is listed as a reference table but does not exist") }
            let problems = catalog.keys.values.sorted { $0.table < $1.table }.flatMap { ShardCheck.problems($0, uniqueIndexes: catalog.uniqueIndexes[$0.table] ?? []) }
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    /// The check itself fails on the shapes it is there to catch.
    @Test func theCheckFindsKeysWithoutTheTenant() {
        let good = TableKeys(table: "goals", primaryKey: ["tenant_id", "id"], uniques: [["tenant_id", "code"]], foreignKeys: [
            .init(columns: ["tenant_id", "household_id"], parent: "households", parentColumns: ["tenant_id", "id"], onDelete: .cascade),
            .init(columns: ["tenant_id"], parent: "tenants", parentColumns: ["id"], onDelete: .cascade),
            .init(columns: ["author_id"], parent: "users", parentColumns: ["id"], onDelete: .restrict),
        ])
        #expect(ShardCheck.problems(good, uniqueIndexes: [["tenant_id", "id"]]).isEmpty)
        var idOnly = good; idOnly.primaryKey = ["id"]
        var globalUnique = good; globalUnique.uniques = [["code"]]
        var narrowReference = good
        narrowReference.foreignKeys = [.init(columns: ["household_id"], parent: "households", parentColumns: ["id"], onDelete: .cascade)]
        var crossed = good
        crossed.foreignKeys = [.init(columns: ["household_id", "tenant_id"], parent: "households", parentColumns: ["tenant_id", "id"], onDelete: .cascade)]
        let unlisted = TableKeys(table: "surveys", primaryKey: ["id"], uniques: [], foreignKeys: [])
        let referenceToSharded = TableKeys(table: "users", primaryKey: ["id"], uniques: [], foreignKeys: [
            .init(columns: ["household_id"], parent: "households", parentColumns: ["id"], onDelete: .cascade),
        ])
        for bad in [idOnly, globalUnique, narrowReference, crossed, unlisted, referenceToSharded] {
            #expect(!ShardCheck.problems(bad, uniqueIndexes: []).isEmpty, "\(bad)")
        }
        #expect(!ShardCheck.problems(good, uniqueIndexes: [["email"]]).isEmpty)
    }

    /// The migration goes back and forth keeping every row, on SQLite and
    /// PostgreSQL, and the app works on the result.
    @Test func theNewKeysRevertAndReturnKeepingEveryRow() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 120, seed: 27, historyMonths: 12)
            let scenario = try await HouseholdScenario.make(app)
            _ = try await scenario.goal(.finances, "Rust in de financiën")
            let sql = app.db as! any SQLDatabase
            // As Fluent would: the later migrations whose keys rest on the tables this one
            // rekeys (an offer's reference to its service, and what rests on offers) go back first and return after.
            let later: [any AsyncMigration] = [CreateParticipationOfferPlaces(), UpdateParticipationOffersAddNeighbourhood(), CreateParticipationTalentIndexes(), CreateParticipationPlacements(), CreateParticipationProposals(), CreateParticipationOffers()]
            for migration in later { try await migration.revert(on: app.db) }
            let before = try await Self.rowCounts(sql)
            #expect(before["referral_events", default: 0] > 0 && before["assessment_scores", default: 0] > 0 && before["services", default: 0] > 0,
                    "the municipality filled the tables: \(before)")

            try await KeyTablesByTenant().revert(on: app.db)
            #expect(try await Self.rowCounts(sql) == before)
            let narrow = try await Catalog.read(sql).keys
            #expect(narrow["goals"]?.primaryKey == ["id"])
            #expect(narrow["plan_versions"]?.uniques.contains(["household_id", "number"]) == true)
            #expect(narrow["referrals"]?.foreignKeys.contains(.init(columns: ["service_id"], parent: "services", parentColumns: ["id"], onDelete: .setNull)) == true)
            #expect(narrow["access_log_entries"]?.primaryKey == ["id"])

            try await KeyTablesByTenant().prepare(on: app.db)
            #expect(try await Self.rowCounts(sql) == before)
            for migration in later.reversed() { try await migration.prepare(on: app.db) }
            let catalog = try await Catalog.read(sql)
            #expect(catalog.keys["goals"]?.primaryKey == ["tenant_id", "id"])
            #expect(catalog.keys.values.flatMap { ShardCheck.problems($0, uniqueIndexes: catalog.uniqueIndexes[$0.table] ?? []) }.isEmpty)
            #expect(try await scenario.coordinator.get(scenario.path).status == .ok)
            #expect(try await scenario.coordinator.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": "Een buffer opbouwen"]).status == .seeOther)
        }
    }

    /// Fluent saves and deletes a model by id alone; with the tenant added,
    /// the statement is routed to one shard and cannot touch another
    /// tenant's row, even for a model that claims a different tenant.
    @Test func savingOrDeletingATenantsRowNamesTheTenant() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rust in de financiën")
            let collector = SQLCollector()
            let logger = app.logger
            app.logger = Logger(label: "sql") { _ in collector }
            goal.title = "Schulden op een rij"
            try await goal.update(on: app.db)
            app.logger = logger
            let update = try #require(collector.statements.first { $0.hasPrefix(#"UPDATE "goals""#) })
            #expect(update.contains(#""goals"."tenant_id" = "#), "\(update)")

            let forged = try await Goal.find(goal.id, in: scenario.tenant.requireID(), on: app.db)
            forged.tenantID = UUID()
            forged.title = "Van een andere gemeente"
            try await forged.update(on: app.db)
            try await forged.delete(on: app.db)
            let stored = try await Goal.find(goal.id, in: scenario.tenant.requireID(), on: app.db)
            #expect(stored.title == "Schulden op een rij")
        }
    }

    static func rowCounts(_ sql: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (table, _) in KeyTablesByTenant.tables {
            counts[table] = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
