import Domain
import Fluent
import Foundation
import VaporTesting
import Testing
@testable import App

/// The triage queue pages by key (`queue_key`): following its links forward
/// lists every open case once, in triage's order, and back gives the same pages.
@Suite("Signals: the queue's pages", .serialized)
struct SignalQueuePagingTests {
    @Test func theLinksWalkEveryOpenCaseOnceInTriageOrderAndBack() async throws {
        try await withApp { app in
            let setup = try await SignalAppTests.setUp(app)
            let tenantID = try setup.scenario.tenant.requireID()
            let today = CivilDay.today()
            var open: [(id: UUID, weight: CaseWeight)] = []
            for index in 0..<160 {
                let weight = CaseWeight(totalArrearsCents: [50_000, 120_000, 85_000][index % 3], partners: 1 + index % 2,
                                        longestMonths: 1 + index % 5, firstSignalled: today.adding(days: -(index % 7)))
                let status: SignalCaseStatus = [.received, .inContact, .closed, .received][index % 4]
                let id = try await Self.insertCase(weight, status: status, tenantID: tenantID, on: app.db)
                if status != .closed { open.append((id, weight)) }
            }
            let expected = open.sorted { SignalCase.queueKey($0.weight, id: $0.id) < SignalCase.queueKey($1.weight, id: $1.id) }.map(\.id)
            #expect(zip(expected, expected.dropFirst()).allSatisfy { a, b in
                let (x, y) = (open.first { $0.id == a }!.weight, open.first { $0.id == b }!.weight)
                return !CaseWeight.precedes(y, x)
            }, "the key's order is triage's")

            var pages: [[UUID]] = []
            var path: String? = SiteRoute.signalCases.path()
            while let next = path, pages.count < 10 {
                let page = try await setup.triage.get(next)
                #expect(page.status == .ok)
                pages.append(Self.caseIDs(page.body.string))
                path = Self.link("next", in: page.body.string)
            }
            #expect(expected.count == 120 && pages.count == 3)
            #expect(pages.flatMap { $0 } == expected)
            #expect(pages.dropLast().allSatisfy { $0.count == SignalTriage.pageSize })

            var back: [[UUID]] = []
            let last = try await setup.triage.get(SiteRoute.signalCases.path() + "?after=" + SignalCase.queueKey(open.first { $0.id == expected[99] }!.weight, id: expected[99]))
            #expect(Self.caseIDs(last.body.string) == pages[2])
            path = Self.link("prev", in: last.body.string)
            while let previous = path, back.count < 10 {
                let page = try await setup.triage.get(previous)
                back.append(Self.caseIDs(page.body.string))
                path = Self.link("prev", in: page.body.string)
            }
            #expect(back == [pages[1], pages[0]], "back gives the same pages, the first without a link further back")
            // A key that is not one reads as the top, never an error.
            let odd = try await setup.triage.get(SiteRoute.signalCases.path() + "?after=%27%20OR%201%3D1--&before=x")
            #expect(odd.status == .ok && Self.caseIDs(odd.body.string) == pages[0])
        }
    }

    static func insertCase(_ weight: CaseWeight, status: SignalCaseStatus, tenantID: UUID, on db: any Database) async throws -> UUID {
        let signalCase = SignalCase()
        let id = UUID()
        (signalCase.id, signalCase.tenantID, signalCase.status) = (id, tenantID, status.rawValue)
        (signalCase.firstSignalledOn, signalCase.lastSignalledOn, signalCase.totalArrearsCents) = (weight.firstSignalled.iso, weight.firstSignalled.iso, weight.totalArrearsCents)
        (signalCase.partners, signalCase.longestMonths, signalCase.createdAt, signalCase.version) = (weight.partners, weight.longestMonths, Date(), 1)
        (signalCase.updatedAt, signalCase.queueKey) = (Date(), SignalCase.queueKey(weight, id: id))
        if status == .closed { (signalCase.outcome, signalCase.closedOn) = (SignalOutcome.declined.rawValue, weight.firstSignalled.iso) }
        try await signalCase.create(on: db)
        return id
    }

    static func caseIDs(_ html: String) -> [UUID] {
        TestClient.allMatches(#"href="/signals/cases/([0-9A-Fa-f-]{36})""#, in: html).compactMap(UUID.init(uuidString:))
    }

    static func link(_ rel: String, in html: String) -> String? {
        TestClient.firstMatch(#"<a href="([^"]+)" rel="\#(rel)""#, in: html).map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }
}
