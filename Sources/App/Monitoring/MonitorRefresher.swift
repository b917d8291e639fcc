import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// Keeps a tenant's monitor cells current. A refresh re-derives the facts of
/// the households that changed since the watermark, and applies to the cells
/// only the difference each makes: what it added last time comes out, what
/// it adds now goes in. So a refresh costs what changed, not the history;
/// running it twice changes nothing; and it writes in one transaction, so an
/// interrupted refresh leaves the previous figures as they were.
struct MonitorRefresher {
    let db: any Database
    let tenantID: UUID
    let catalog: IndicatorCatalog
    let pillars: [LifeDomain: Pillar]

    /// Changes committed this long before the watermark are looked at again:
    /// a transaction that started earlier may commit after the watermark was set.
    var overlap: TimeInterval = 300
    /// Called after each batch counted; an error thrown here stops the refresh
    /// and rolls it back, as a crash or a shutdown would (tests interrupt with
    /// it, and change things while a refresh counts).
    var afterBatch: (@Sendable (_ households: Int) async throws -> Void)?
    static let batchSize = 400
    /// Counting under the lock, a refresh sums its differences over batches
    /// and writes them when this many cells are pending (and at the end): a
    /// cell many households share is then written once per flush, not once
    /// per batch. A rebuild writes only at the end, so each cell once — what
    /// makes a rebuild of a large city affordable (a few million cells fit in
    /// memory). All of it is one transaction either way.
    static let pendingCells = 200_000

    enum Mode: String { case refresh, rebuild }

    struct Report: Equatable {
        let households: Int
        /// The facts those households now have: what a refresh's cost follows.
        var facts = 0
        let cellsChanged: Int
    }

    @discardableResult
    func run(_ mode: Mode, now: Date = Date()) async throws -> Report {
        if mode == .refresh {
            // Counting reads only, so it runs outside the write transaction (on
            // SQLite the write lock would stop every other write meanwhile: the
            // first of a month recounts every running plan). The short write
            // that follows first checks that no other refresh went in between.
            for _ in 0..<Self.attempts {
                guard let seen = try await MonitorRefresh.scoped(to: tenantID, on: db).first(), let watermark = seen.watermark else { break }
                let counted = try await count(changedSince: watermark, now: now, on: db)
                if let report = try await apply(counted, ifStill: seen, now: now) { return report }
            }
        }
        // A rebuild, a tenant's first count, or a refresh that kept losing the
        // race: count under the lock, writing the households' facts as it goes.
        return try await db.transaction { tx in
            let state = try await Self.lock(tenantID, on: tx, now: now)
            if mode == .rebuild { try await clear(on: tx) }
            let store = MonitorStore(db: tx, tenantID: tenantID)
            let counted = try await count(changedSince: mode == .refresh ? state.watermark : nil, now: now, on: tx) { rows, pending in
                try await store.replace(rows)
                if mode == .refresh, pending.count >= Self.pendingCells { return try await write(pending, to: store, mode: mode) }
                return nil
            }
            let cells = counted.cellsWritten + (try await write(counted.pending, to: store, mode: mode))
            try await finish(state, now: now, on: tx)
            return Report(households: counted.households, facts: counted.facts, cellsChanged: cells)
        }
    }

    /// Several refreshes may count at once (a scheduled one, `kpi refresh`);
    /// one that finds another applied first counts again, and after this
    /// many tries counts under the lock.
    static let attempts = 3

    /// Applies a count made outside the lock, unless another refresh or a
    /// rebuild finished since `seen` was read: its cells would then no longer
    /// hold what these households added before.
    private func apply(_ counted: Counted, ifStill seen: MonitorRefresh, now: Date) async throws -> Report? {
        try await db.transaction { tx in
            let state = try await Self.lock(tenantID, on: tx, now: now)
            guard state.watermark == seen.watermark, state.refreshedAt == seen.refreshedAt else { return nil }
            let store = MonitorStore(db: tx, tenantID: tenantID)
            try await store.replace(counted.rows)
            let cells = try await write(counted.pending, to: store, mode: .refresh)
            try await finish(state, now: now, on: tx)
            return Report(households: counted.households, facts: counted.facts, cellsChanged: cells)
        }
    }

    private func finish(_ state: MonitorRefresh, now: Date, on db: any Database) async throws {
        state.watermark = now
        state.refreshedAt = Date()
        try await state.save(on: db)
    }

    /// What a count found: the households' new facts, and the difference
    /// they make to the cells that is not yet written.
    struct Counted {
        var households = 0
        var rows: [MonitorHousehold] = []
        var pending: [CellKey: Tally] = [:]
        var facts = 0
        var cellsWritten = 0
    }

    /// Counts the households changed since the watermark (every household
    /// without one) a batch at a time. `flush` may write a batch's rows and
    /// the pending cells (returning how many cells it wrote); without it the
    /// count keeps everything for one write at the end.
    private func count(changedSince watermark: Date?, now: Date, on db: any Database,
                       flush: ((_ rows: [MonitorHousehold], _ pending: [CellKey: Tally]) async throws -> Int?)? = nil) async throws -> Counted {
        let sources = MonitorSources(db: db, tenantID: tenantID)
        let today = CivilDay.of(now)
        let households = if let watermark {
            try await sources.changedHouseholds(since: watermark.addingTimeInterval(-overlap), today: today)
        } else {
            try await sources.allHouseholds()
        }
        var counted = Counted(households: households.count)
        for start in stride(from: 0, to: households.count, by: Self.batchSize) {
            let batch = Array(households[start..<min(start + Self.batchSize, households.count)])
            let rows = try await recount(batch, today: today, sources: sources, on: db, into: &counted)
            if let flush {
                if let written = try await flush(rows, counted.pending) { counted.cellsWritten += written; counted.pending = [:] }
            } else {
                counted.rows += rows
            }
            try await afterBatch?(start + batch.count)
        }
        return counted
    }

    /// Adds the differences to the cells, then rewrites the spreads they touch.
    /// A rebuild's cells go into emptied tables: copied in bulk where the database can.
    private func write(_ pending: [CellKey: Tally], to store: MonitorStore, mode: Mode) async throws -> Int {
        var changed = mode == .rebuild ? try await store.copy(pending) : nil
        if changed == nil { changed = try await store.add(pending) }
        try await store.respread(MonitorStore.spreads(touchedBy: pending, catalog: catalog))
        return changed ?? 0
    }

    /// The tenant's refresh row, written first so that a second refresh waits
    /// for this one (a row lock on PostgreSQL, the write lock on SQLite).
    static func lock(_ tenantID: UUID, on db: any Database, now: Date) async throws -> MonitorRefresh {
        try await db.sql.raw("""
            INSERT INTO monitor_refreshes (tenant_id, id, started_at) VALUES (\(bind: tenantID), \(bind: UUID()), \(bind: now))
            ON CONFLICT (tenant_id) DO UPDATE SET started_at = excluded.started_at
            """).run()
        guard let state = try await MonitorRefresh.scoped(to: tenantID, on: db).first() else { throw Abort(.internalServerError) }
        return state
    }

    private func clear(on db: any Database) async throws {
        for table in [MonitorCellValue.schema, MonitorCell.schema, MonitorHousehold.schema] {
            try await db.sql.raw("DELETE FROM \(ident: table) WHERE tenant_id = \(bind: tenantID)").run()
        }
    }

    /// Re-derives these households' facts, returns them to be stored, and adds the
    /// difference they make to the cells to `counted`: what each counted
    /// before comes out, what it counts now goes in (a cell left unchanged
    /// sums to zero and is not written).
    private func recount(_ households: [UUID], today: CivilDay, sources: MonitorSources, on db: any Database,
                         into counted: inout Counted) async throws -> [MonitorHousehold] {
        let histories = try await sources.histories(of: households)
        let cases = try await sources.signalCaseHistories(of: households.filter { histories[$0] == nil })
        let offers = try await sources.offerHistories(of: households.filter { histories[$0] == nil && cases[$0] == nil })
        let ids = SQLList(households.map { SQLBind($0) })
        let stored = try await MonitorHousehold.select(in: tenantID, where: "id IN (\(ids))", on: db)
        let previous = Dictionary(stored.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let extraction = FactExtraction(today: today, pillars: pillars)
        var rows: [MonitorHousehold] = []
        for household in households {
            let result = histories[household].map(extraction.facts(of:)) ?? cases[household].map(extraction.facts(of:))
                ?? offers[household].map(extraction.facts(of:)) ?? FactExtraction.Result(facts: [], recheck: nil)
            if let before = previous[household].map(Self.decode) {
                for (key, old) in IndicatorTallies(catalog: catalog, today: before.day).tallies(before.facts) { counted.pending[key, default: .zero] -= old }
            }
            for (key, new) in IndicatorTallies(catalog: catalog, today: today).tallies(result.facts) { counted.pending[key, default: .zero] += new }
            counted.facts += result.facts.count
            rows.append(MonitorHousehold(household: household, tenantID: tenantID, facts: Self.encode(result.facts),
                                         markedOn: today.iso, recheckOn: result.recheck?.iso))
        }
        return rows
    }

    static func encode(_ facts: [Fact]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(facts)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode(_ row: MonitorHousehold) -> (facts: [Fact], day: CivilDay) {
        let facts = (try? JSONDecoder().decode([Fact].self, from: Data(row.facts.utf8))) ?? []
        return (facts, CivilDay(row.markedOn) ?? CivilDay.of(Date()))
    }
}

