import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 24's offers and free places per neighbourhood: an offer's places are
/// recorded day by day with every change (the offer saved, a placement
/// started or ended), in the change's own transaction; the monitor counts
/// offers and free places from that record, per neighbourhood, suppressed
/// as everything it publishes — on SQLite and PostgreSQL.
@Suite("Participation: offers and free places in the monitor", .serialized)
struct OfferPlacesTests {
    static func rows(_ app: Application, _ offerID: UUID) async throws -> [ParticipationOfferPlaces] {
        try await ParticipationOfferPlaces.query(on: app.db).filter(\.$offerID == offerID).sort(\.$day).all()
    }

    @Test func theDaysPlacesAreRecordedWhenTheOfferIsSavedAndAPlacementStartsAndEnds() async throws {
        try await withApp { app in
            let setup = try await ParticipationPlacementTests.accepted(app, placesFree: 2)
            let today = Day.today()
            var rows = try await Self.rows(app, setup.offerID)
            #expect(rows.map { [$0.places, $0.placesFree] } == [[2, 2]] && rows.first?.day == today)

            let proposalID = try setup.proposal.requireID()
            let start = SiteRoute.socialMapServiceCandidateStart.path(setup.serviceID, proposalID)
            #expect(try await setup.employer.post(start, ["started_on": today, "check_in_weeks": "2", "version": "2"]).status == .seeOther)
            rows = try await Self.rows(app, setup.offerID)
            #expect(rows.map { [$0.places, $0.placesFree] } == [[2, 1]], "the day holds its last value")

            let placement = try #require(try await ParticipationPlacement.query(on: app.db).first())
            let end = SiteRoute.socialMapPlacementEnd.path(setup.serviceID, try placement.requireID())
            #expect(try await setup.employer.post(end, ["reason": "completed", "ended_on": today, "version": "1"]).status == .seeOther)
            rows = try await Self.rows(app, setup.offerID)
            #expect(rows.map { [$0.places, $0.placesFree] } == [[2, 2]])
            let offer = try #require(try await ParticipationOffer.find(setup.offerID, on: app.db))
            #expect(rows.first?.placesFree == offer.placesFree && rows.count == 1)
        }
    }

    /// The record is written in the caller's transaction, from the row as
    /// that transaction sees it: rolled back with it, a new day its own row.
    @Test func theRecordGoesWithItsTransactionAndKeepsEachDay() async throws {
        try await withApp { app in
            let setup = try await ParticipationPlacementTests.accepted(app, placesFree: 2)
            let tenantID = try setup.scenario.tenant.requireID(), offerID = setup.offerID
            struct Interrupted: Error {}
            await #expect(throws: Interrupted.self) {
                try await app.db.transaction { tx in
                    try await tx.sql.raw("UPDATE participation_offers SET places_free = 0 WHERE tenant_id = \(bind: tenantID) AND id = \(bind: offerID)").run()
                    try await OfferPlaces.record(offerID, tenantID: tenantID, on: tx)
                    #expect(try await ParticipationOfferPlaces.select(in: tenantID, where: "offer_id = \(bind: offerID)", on: tx).map(\.placesFree) == [0])
                    throw Interrupted()
                }
            }
            #expect(try await Self.rows(app, offerID).map(\.placesFree) == [2])
            let tomorrow = Date().addingTimeInterval(86_400)
            try await OfferPlaces.record(offerID, tenantID: tenantID, now: tomorrow, on: app.db)
            #expect(try await Self.rows(app, offerID).map(\.day) == [Day.today(), CivilDay.of(tomorrow).iso])
        }
    }

    /// Six offers in one neighbourhood, two in another, one where nobody
    /// lives: counted per neighbourhood after a refresh; the neighbourhood
    /// under five is not shown, and a rebuild gives the refresh's cells.
    @Test func theMonitorCountsOffersAndFreePlacesPerNeighbourhood() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let tenantID = try tenant.requireID()
            for (postcode, code) in [("1234 AB", "BU03630105"), ("1234 AC", "BU03630105"), ("5678 CD", "BU03630206")] {
                try await Household(tenantID: tenantID, name: "Huishouden", street: "Straat 1", postcode: postcode, city: "Voorbeeld", neighbourhoodCode: code).create(on: app.db)
            }
            let map = SocialMapFixtures(app: app, tenantID: tenantID)
            let host = try await fixtures.organization(in: tenant, name: "Buurtcentrum", kind: .welfare)
            let provider = try await map.provider("Buurtcentrum", linkedTo: host, informal: true)
            // Nine offers: six at 1234 AB (two free places each), two at 5678 CD (one), one at an area where nobody lives.
            let offers = Array(repeating: ("1234AB", 2), count: 6) + Array(repeating: ("5678CD", 1), count: 2) + [("9999", 3)]
            for (index, (postcode, free)) in offers.enumerated() {
                let service = try await map.service("Aanbod \(index)", at: provider)
                let checked = try OfferCheck.check(OfferSubmission(kind: "volunteering", talents: ["cooking"], rung: "3", times: ["TU-am"], postcode: postcode,
                                                                   support: [], places: "3", placesFree: String(free)), talents: app.talents.codes).get()
                #expect(try await OfferController.store(checked, for: service, seenVersion: 0, tenantID: tenantID, on: app.db))
            }
            let codes = try await ParticipationOffer.query(on: app.db).all().map { $0.neighbourhoodCode ?? "-" }
            #expect(codes.sorted() == ["-"] + Array(repeating: "BU03630105", count: 6) + ["BU03630206", "BU03630206"])

            try await app.monitorRefresher(tenantID: tenantID).run(.refresh)
            let reader = MonitorReader(db: app.db, tenantID: tenantID)
            let month = Period.containing(CivilDay.today(), .month)
            func breakdown(_ id: String) async throws -> (raw: [String: Int], published: MonitorBreakdown) {
                let indicator = try #require(app.indicators[id])
                let rows = try await reader.breakdown(indicator, period: month, by: .neighbourhood, filter: nil)
                let whole = try await reader.tallies(indicator, periods: [month], filter: nil)[month] ?? .zero
                return (Dictionary(uniqueKeysWithValues: rows.map { ($0.member, $0.tally.subjects) }), MonitorBreakdown(indicator, whole: whole, rows: rows))
            }
            let offered = try await breakdown("participation-offers")
            #expect(offered.raw == ["BU03630105": 6, "BU03630206": 2])
            let free = try await breakdown("participation-places-free")
            #expect(free.raw == ["BU03630105": 12, "BU03630206": 2])
            for published in [offered.published, free.published] {
                let small = try #require(published.rows.first { $0.member == "BU03630206" })
                #expect(!small.count.isShown, "a neighbourhood with 2 is never shown")
                #expect(published.rows.allSatisfy { ($0.count.value ?? 5) >= 5 })
            }
            #expect(free.published.rows.first { $0.member == "BU03630105" }?.count.value.map { $0 == 12 } ?? true)

            let refreshed = try await MonitorRefreshTests.cells(app.db, tenantID)
            try await app.monitorRefresher(tenantID: tenantID).run(.rebuild)
            #expect(try await MonitorRefreshTests.cells(app.db, tenantID) == refreshed)
        }
    }
}
