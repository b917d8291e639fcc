import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
@testable import App

/// The monitor's incremental refresh must end where a rebuild from the
/// source tables ends, whatever changed in between and however the changes
/// were sliced into refreshes — on SQLite and on PostgreSQL (DATABASE_URL).
@Suite("Monitor refresh")
struct MonitorRefreshTests {
    @Test(arguments: [UInt64(11), 23])
    func incrementalRefreshesEqualARebuild(seed: UInt64) async throws {
        try await withApp { app in
            let report = try await SyntheticMunicipalityTests.generate(app, residents: 120, seed: seed)
            #expect(report.households > 25)
            let tenantID = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id)
            var refresher = app.monitorRefresher(tenantID: tenantID)
            refresher.overlap = 0
            var random = SeededRandom(seed: seed)
            try await refresher.run(.refresh)
            for round in 0..<4 {
                let changes = MonitorChanges(db: app.db, tenantID: tenantID)
                try await changes.apply(round: round, random: &random)
                if round == 2 {
                    _ = try await SyntheticMunicipality(app: app, options: SyntheticOptions(residents: 40, seed: seed + 7), tenantID: tenantID).generate(progress: nil)
                }
                if random.int(0...2) > 0 { try await refresher.run(.refresh) }
            }
            try await refresher.run(.refresh)
            let incremental = try await Self.cells(app.db, tenantID)
            #expect(incremental.count > 100)

            // Running it again changes nothing: the refresh is idempotent.
            try await refresher.run(.refresh)
            #expect(try await Self.cells(app.db, tenantID) == incremental)

            try await refresher.run(.rebuild)
            let rebuilt = try await Self.cells(app.db, tenantID)
            #expect(rebuilt.subtracting(incremental).sorted().prefix(10) == [], "seed \(seed): only in the rebuild")
            #expect(incremental.subtracting(rebuilt).sorted().prefix(10) == [], "seed \(seed): only in the refreshes")
        }
    }

    /// A rebuild copies its cells in bulk on PostgreSQL (COPY's text format);
    /// a typed neighbourhood with a tab, a backslash or a line end must come
    /// out as the refresh's INSERTs write it.
    @Test func aTypedNeighbourhoodSurvivesTheBulkCopy() async throws {
        #expect(MonitorStore.copyText("a\tb\\c\r\nd") == "a\\tb\\\\c\\r\\nd")
        #expect(MonitorStore.copyText("BU03630000") == "BU03630000")
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 60, seed: 8)
            let tenantID = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id)
            let typed = "Wijk\t1\\2\r\nX"
            let household = try #require(try await Household.query(on: app.db).filter(\.$tenantID == tenantID).filter(\.$neighbourhoodCode != nil).first())
            household.neighbourhoodCode = typed
            try await household.save(on: app.db)
            try await app.monitorRefresher(tenantID: tenantID).run(.refresh)
            let refreshed = try await Self.cells(app.db, tenantID)
            #expect(refreshed.contains { $0.contains("|neighbourhood|\(typed) ") })
            try await app.monitorRefresher(tenantID: tenantID).run(.rebuild)
            #expect(try await Self.cells(app.db, tenantID) == refreshed)
        }
    }

    /// Caseload is read from its spread (how many professionals have each
    /// count), kept beside the cells: it must give what the professionals'
    /// own cells give, after a refresh of changes, after the migration that
    /// fills spreads for older monitors, and under an organisation's filter.
    @Test func caseloadFromItsSpreadEqualsCaseloadFromTheProfessionals() async throws {
        try await withApp { app in
            let (tenantID, refresher) = try await MonitorChanges.countedThenChanged(app, residents: 800, seed: 5)
            try await refresher.run(.refresh)
            try await Self.expectCaseloadsAgree(app, tenantID)

            let cells = try await Self.cells(app.db, tenantID)
            try await app.db.sql.raw("DELETE FROM monitor_cell_values WHERE tenant_id = \(bind: tenantID) AND breakdown LIKE '%#spread'").run()
            #expect(try await Self.cells(app.db, tenantID) != cells)
            try await FillMonitorSpreads(catalog: app.indicators).prepare(on: app.db)
            #expect(try await Self.cells(app.db, tenantID) == cells)
        }
    }

    static func expectCaseloadsAgree(_ app: Application, _ tenantID: UUID) async throws {
        let reader = MonitorReader(db: app.db, tenantID: tenantID)
        let month = Period.containing(CivilDay.today(), .month)
        let periods = (0..<6).map { month.advanced(by: -$0) } + [Period.containing(CivilDay.today(), .year)]
        let organizations = try await Organization.query(on: app.db).filter(\.$tenantID == tenantID).all().compactMap(\.id)
        let filters = [nil] + organizations.map { MonitorReader.Filter(dimension: .organization, member: $0.uuidString) }
        var shown = 0
        for indicator in app.indicators.all where indicator.per != nil {
            for filter in filters {
                let figures = try await reader.figures(indicator, periods: periods, filter: filter)
                for period in periods {
                    let professionals = try await reader.breakdown(indicator, period: period, by: indicator.per!, filter: filter)
                    let expected = IndicatorFigure.of(indicator, tally: .zero, perValues: professionals.map(\.tally))
                    #expect(figures[period] == expected, "\(indicator.id) \(period.id) \(filter?.text ?? "whole")")
                    if expected.base.value != nil { shown += 1 }
                }
            }
        }
        #expect(shown > 0)
    }

    @Test func anInterruptedRefreshLeavesThePreviousFigures() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 120, seed: 3)
            let tenantID = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id)
            try await app.monitorRefresher(tenantID: tenantID).run(.refresh)
            let before = try await Self.cells(app.db, tenantID)
            // New households arrive; the rebuild stops after its first batch, as a crash would stop it.
            _ = try await SyntheticMunicipality(app: app, options: SyntheticOptions(residents: 40, seed: 4), tenantID: tenantID).generate(progress: nil)
            var failing = app.monitorRefresher(tenantID: tenantID)
            failing.afterBatch = { _ in throw Interrupted() }
            await #expect(throws: Interrupted.self) { try await failing.run(.rebuild) }
            await #expect(throws: Interrupted.self) { try await failing.run(.refresh) }
            #expect(try await Self.cells(app.db, tenantID) == before)
        }
    }

    /// A refresh counts outside the write lock; when another refresh applies
    /// its count meanwhile, the first must count again: its differences were
    /// taken against facts the other has since replaced.
    @Test func aRefreshThatLosesTheRaceCountsAgain() async throws {
        try await withApp { app in
            let (tenantID, plain) = try await MonitorChanges.countedThenChanged(app, residents: 120, seed: 5)

            // While the first counts, a second refresh counts the same changes and applies them.
            let raced = NIOLockedValueBox(0)
            var first = plain
            first.afterBatch = { [plain] _ in
                guard raced.withLockedValue({ $0 += 1; return $0 }) == 1 else { return }
                let report = try await plain.run(.refresh)
                #expect(report.households > 0)
            }
            let report = try await first.run(.refresh)
            #expect(report.households == 0, "counted again, after the second refresh: nothing new")
            let refreshed = try await Self.cells(app.db, tenantID)
            try await plain.run(.rebuild)
            #expect(try await Self.cells(app.db, tenantID) == refreshed)
        }
    }

    /// Every non-empty cell and value row of the tenant, as text.
    static func cells(_ db: any Database, _ tenantID: UUID) async throws -> Set<String> {
        let cells = try await db.sql.raw("""
            SELECT indicator, period, filter, breakdown, member, subjects, hits FROM monitor_cells
            WHERE tenant_id = \(bind: tenantID) AND (subjects <> 0 OR hits <> 0)
            """).all().map { row in
            try ["indicator", "period", "filter", "breakdown", "member"].map { try row.decode(column: $0, as: String.self) }.joined(separator: "|")
                + " \(try row.decode(column: "subjects", as: Int.self))/\(try row.decode(column: "hits", as: Int.self))"
        }
        let values = try await db.sql.raw("""
            SELECT indicator, period, filter, breakdown, member, number, subjects FROM monitor_cell_values
            WHERE tenant_id = \(bind: tenantID) AND subjects <> 0
            """).all().map { row in
            try ["indicator", "period", "filter", "breakdown", "member"].map { try row.decode(column: $0, as: String.self) }.joined(separator: "|")
                + " #\(try row.decode(column: "number", as: Int.self))=\(try row.decode(column: "subjects", as: Int.self))"
        }
        return Set(cells + values)
    }

    struct Interrupted: Error {}
}

/// Random changes of the kinds the monitor must notice: a team member
/// leaving, a referral answered, a goal closed, a household moving, a
/// consent withdrawn, an offer's free places changing.
struct MonitorChanges {
    let db: any Database
    let tenantID: UUID

    /// A synthetic municipality, counted once and then changed (round 0):
    /// where most refresh tests start. The refresher looks back no further
    /// than its watermark.
    static func countedThenChanged(_ app: Application, residents: Int, seed: UInt64) async throws -> (UUID, MonitorRefresher) {
        _ = try await SyntheticMunicipalityTests.generate(app, residents: residents, seed: seed)
        let tenantID = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id)
        var refresher = app.monitorRefresher(tenantID: tenantID)
        refresher.overlap = 0
        try await refresher.run(.refresh)
        var random = SeededRandom(seed: seed)
        try await MonitorChanges(db: app.db, tenantID: tenantID).apply(round: 0, random: &random)
        return (tenantID, refresher)
    }

    func apply(round: Int, random: inout SeededRandom) async throws {
        let now = Date(), today = CivilDay.of(now).iso
        let pick = { (ids: [UUID], random: inout SeededRandom) in ids.filter { _ in random.int(0...3) == 0 } }
        for id in pick(try await ids("SELECT id FROM involvements WHERE tenant_id = \(bind: tenantID) AND ends_on IS NULL"), &random) {
            try await db.sql.raw("UPDATE involvements SET ends_on = \(bind: today), updated_at = \(bind: now) WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id)").run()
        }
        for row in try await db.sql.raw("SELECT id, receiver_organization_id, requester_user_id FROM referrals WHERE tenant_id = \(bind: tenantID) AND status = 'requested'").all()
        where random.int(0...2) == 0 {
            let id = try row.decode(column: "id", as: UUID.self)
            let status = random.int(0...1) == 0 ? "accepted" : "rejected"
            try await db.sql.raw("UPDATE referrals SET status = \(bind: status), updated_at = \(bind: now) WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id)").run()
            try await ReferralEvent(tenantID: tenantID, referralID: id, from: .requested, to: ReferralStatus(rawValue: status)!, outcome: nil,
                                    userID: try row.decode(column: "requester_user_id", as: UUID.self),
                                    organizationID: try row.decode(column: "receiver_organization_id", as: UUID.self)).create(on: db)
        }
        for id in pick(try await ids("SELECT id FROM goals WHERE tenant_id = \(bind: tenantID) AND status = 'open'"), &random) {
            let status = random.int(0...2) == 0 ? "not_achieved" : "achieved"
            try await db.sql.raw("UPDATE goals SET status = \(bind: status), updated_at = \(bind: now) WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id)").run()
        }
        let codes = try await db.sql.raw("SELECT DISTINCT neighbourhood_code FROM households WHERE tenant_id = \(bind: tenantID) AND neighbourhood_code IS NOT NULL").all()
            .map { try $0.decode(column: "neighbourhood_code", as: String.self) }
        for id in pick(try await ids("SELECT id FROM households WHERE tenant_id = \(bind: tenantID)"), &random).prefix(10) where !codes.isEmpty {
            let code = codes[random.int(0...(codes.count - 1))]
            try await db.sql.raw("UPDATE households SET neighbourhood_code = \(bind: code), updated_at = \(bind: now) WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id)").run()
        }
        for id in pick(try await ids("SELECT id FROM consents WHERE tenant_id = \(bind: tenantID) AND status = 'given'"), &random) {
            try await db.sql.raw("UPDATE consents SET status = 'withdrawn', withdrawn_at = \(bind: now), updated_at = \(bind: now) WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id)").run()
        }
        // Free places change as placements start and end, recorded as the app records them.
        for row in try await db.sql.raw("SELECT id, places FROM participation_offers WHERE tenant_id = \(bind: tenantID) ORDER BY id").all() where random.int(0...3) == 0 {
            let id = try row.decode(column: "id", as: UUID.self), free = random.int(0...(try row.decode(column: "places", as: Int.self)))
            try await db.transaction { tx in
                try await tx.sql.raw("UPDATE participation_offers SET places_free = \(bind: free) WHERE tenant_id = \(bind: tenantID) AND id = \(bind: id)").run()
                try await OfferPlaces.record(id, tenantID: tenantID, now: now, on: tx)
            }
        }
    }

    private func ids(_ sql: SQLQueryString) async throws -> [UUID] {
        try await db.sql.raw(sql + " ORDER BY id").all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}
