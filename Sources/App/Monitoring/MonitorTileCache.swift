import Domain
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The monitor's tiles for one choice, kept until the figures next change.
/// Tiles are read from cells that only a refresh changes, so between two
/// refreshes every view of the same choice would compute the same tiles;
/// the refresh moment is part of the key, so a refresh — on any app server —
/// makes every older entry unreachable. Each app server keeps its own.
struct MonitorTileCache: Sendable {
    struct Key: Hashable, Sendable {
        let tenantID: UUID
        let refreshedAt: Date?
        let locale: String
        let period: Period
        let filter: MonitorReader.Filter?
        /// The indicators shown, in order: visibility and audience are in it.
        let indicators: [String]
    }

    /// Entries beyond this are dropped all at once: old ones are unreachable
    /// after a refresh anyway, and a few dozen choices cover a day's use.
    static let capacity = 512
    private let entries = NIOLockedValueBox<[Key: [MonitorPage.Section]]>([:])

    func sections(_ key: Key, build: () async throws -> [MonitorPage.Section]) async throws -> [MonitorPage.Section] {
        if let kept = entries.withLockedValue({ $0[key] }) { return kept }
        let sections = try await build()
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = sections
        }
        return sections
    }
}

extension Application {
    private struct TileCacheKey: StorageKey { typealias Value = MonitorTileCache }

    /// Set up in `configure`.
    var monitorTiles: MonitorTileCache {
        get { storage[TileCacheKey.self]! }
        set { storage[TileCacheKey.self] = newValue }
    }
}
