import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Each tenant's offers as matching reads them, kept between requests: a
/// resident's matches weigh every offer sharing a talent (about 500 of a large
/// city's 5,000), and reading and decoding those on every request was most
/// of the page. Each read first checks the offers' stamp — how many there are
/// and when the latest changed — so an offer saved through any server shows
/// on the next request of every other one.
final class OfferTermsCache: Sendable {
    /// What matching reads of an offer: its key and place, and its terms.
    struct Entry: Sendable { let id: UUID; let serviceID: UUID; let postcode4: String; let terms: OfferTerms }

    struct Stamp: Equatable, Sendable { let count: Int; let latest: Date? }

    private struct Snapshot: Sendable {
        let stamp: Stamp
        let entries: [Entry]
        /// Positions in `entries` by talent code.
        let byTalent: [String: [Int]]
    }

    private let snapshots = NIOLockedValueBox<[UUID: Snapshot]>([:])

    /// The offers that can match `wish` (`ParticipationMatching.isMatch`):
    /// sharing a talent, of a kind it does not rule out. Of any service: the
    /// caller leaves out those of a service no longer active.
    func offers(sharingATalentWith wish: ParticipationWish, tenantID: UUID, on db: any Database) async throws -> [Entry] {
        let snapshot = try await current(tenantID, on: db)
        let positions = Set(wish.talents.flatMap { snapshot.byTalent[$0] ?? [] }).sorted()
        return positions.map { snapshot.entries[$0] }.filter { ParticipationMatching.isMatch(wish, $0.terms) }
    }

    private func current(_ tenantID: UUID, on db: any Database) async throws -> Snapshot {
        // The stamp before the offers: a change between the two reads leaves
        // newer offers under an older stamp, read again next time — never the reverse.
        let stamp = try await Self.stamp(of: tenantID, on: db)
        if let kept = snapshots.withLockedValue({ $0[tenantID] }), kept.stamp == stamp { return kept }
        let entries = try await Self.entries(of: tenantID, on: db)
        var byTalent: [String: [Int]] = [:]
        for (position, entry) in entries.enumerated() { for talent in entry.terms.talents { byTalent[talent, default: []].append(position) } }
        let snapshot = Snapshot(stamp: stamp, entries: entries, byTalent: byTalent)
        snapshots.withLockedValue { $0[tenantID] = snapshot }
        return snapshot
    }

    /// Every change to an offer sets its `updated_at`; a removed one lowers the count.
    static func stamp(of tenantID: UUID, on db: any Database) async throws -> Stamp {
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS n, MAX(updated_at) AS latest FROM participation_offers WHERE tenant_id = \(bind: tenantID)
            """).first()
        return Stamp(count: try row?.decode(column: "n", as: Int.self) ?? 0, latest: try row?.decode(column: "latest", as: Date?.self))
    }

    private static func entries(of tenantID: UUID, on db: any Database) async throws -> [Entry] {
        try await db.sql.raw("""
            SELECT id, service_id, kind, talents, rung, times, postcode4, support, places_free FROM participation_offers WHERE tenant_id = \(bind: tenantID) ORDER BY id
            """).all().map { row in
            Entry(id: try row.decode(column: "id", as: UUID.self), serviceID: try row.decode(column: "service_id", as: UUID.self), postcode4: try row.decode(column: "postcode4", as: String.self),
                  terms: ParticipationOffer.terms(kind: try row.decode(column: "kind", as: String.self), talents: try row.decode(column: "talents", as: String.self),
                                                  rung: try row.decode(column: "rung", as: Int.self), times: try row.decode(column: "times", as: Int.self),
                                                  support: try row.decode(column: "support", as: String.self), placesFree: try row.decode(column: "places_free", as: Int.self)))
        }
    }
}

extension Application {
    private struct OfferTermsCacheKey: StorageKey { typealias Value = OfferTermsCache }

    /// The application's one cache of offers' terms; set up in `configure`.
    var offerTerms: OfferTermsCache {
        get { storage[OfferTermsCacheKey.self]! }
        set { storage[OfferTermsCacheKey.self] = newValue }
    }
}
