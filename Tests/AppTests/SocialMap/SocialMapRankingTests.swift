import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// The database ranks the social map on stored columns; `ServiceRanking`
/// says what the order is. These tests hold the two together on SQLite and
/// on PostgreSQL (whose text collation is not byte order).
@Suite("Social map ranking in the database")
struct SocialMapRankingTests {
    struct Entry { let name: String; let capacity: ServiceCapacity; let wait: Int?; let accepts: Bool }

    /// Names that sort differently by bytes, by locale and by number, with every kind of standing.
    static let entries: [Entry] = [
        Entry(name: "Huis 10", capacity: .available, wait: nil, accepts: true),
        Entry(name: "Huis 2", capacity: .available, wait: nil, accepts: true),
        Entry(name: "huis", capacity: .available, wait: nil, accepts: true),
        Entry(name: "Huiszorg", capacity: .available, wait: nil, accepts: false),
        Entry(name: "Één loket", capacity: .available, wait: nil, accepts: true),
        Entry(name: "een loket", capacity: .available, wait: nil, accepts: true),
        Entry(name: "Eenzaamheid", capacity: .available, wait: nil, accepts: true),
        Entry(name: "Zorg aan huis", capacity: .waitingList, wait: 12, accepts: true),
        Entry(name: "Zorgboerderij", capacity: .waitingList, wait: 3, accepts: true),
        Entry(name: "Zorgloket", capacity: .waitingList, wait: nil, accepts: true),
        Entry(name: "Wachtlijst lang", capacity: .waitingList, wait: 300, accepts: false),
        Entry(name: "Vol huis", capacity: .noCapacity, wait: nil, accepts: true),
        Entry(name: "Ａ breed", capacity: .available, wait: nil, accepts: true),
        Entry(name: "árbol", capacity: .available, wait: nil, accepts: true),
    ]

    @Test func theDatabaseRanksAsTheRuleSays() async throws {
        try await withApp { app in
            let tenantID = try await Fixtures(app: app).tenant().requireID()
            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let provider = try await map.provider("Stichting Thuis")
            for entry in Self.entries.shuffled() {
                try await map.service(entry.name, at: provider, description: "Hulp in de wijk", capacity: entry.capacity, wait: entry.wait, accepts: entry.accepts)
            }
            for text in ["", "huis", "huis zorg", "loket", "wijk", "huis 2"] {
                let found = try await SocialMapSearch.run(SocialMapQuery(text: text), tenantID: tenantID, on: app.db).map(\.name)
                let words = ServiceRanking.words(text)
                let matching = Self.entries.filter { entry in
                    words.allSatisfy { Service.searchText(name: entry.name, description: "Hulp in de wijk", organizationName: "Stichting Thuis", eligibility: "").contains($0) }
                }
                let candidates = matching.map { ServiceRanking.Candidate(name: $0.name, description: "", organizationName: "", capacity: $0.capacity, expectedWaitWeeks: $0.wait, acceptsReferrals: $0.accepts) }
                #expect(found == ServiceRanking.rank(candidates, query: text).map(\.name), "query \"\(text)\"")
                #expect(!found.isEmpty)
            }
        }
    }

    @Test func theMigrationFillsTheColumnsOfServicesThatWereThere() async throws {
        try await withApp { app in
            let tenantID = try await Fixtures(app: app).tenant().requireID()
            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let provider = try await map.provider("Stichting Thuis")
            let service = try await map.service("Één loket", at: provider, capacity: .waitingList, wait: 5, accepts: false)
            let migration = UpdateServicesAddRanking()
            // On one connection: on the in-memory SQLite, a column dropped on one connection was still there on the next.
            try await app.db.transaction { db in
                try await migration.revert(on: db)
                try await migration.prepare(on: db)
            }
            let stored = try #require(try await Service.find(service.id, on: app.db))
            #expect(stored.nameText == "één loket")
            #expect(stored.rankKey == service.rankKey && !stored.rankKey.isEmpty)
        }
    }
}
