import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("Confirmation after a save")
struct NoticeTests {
    @Test func everyNoticeSpeaksBothLanguages() throws {
        let localizer = try Localizer.load(from: "Resources/Localization")
        for notice in Notice.allCases {
            #expect(localizer.has(notice.key), "\(notice.key) has no Dutch text")
            #expect(localizer.text(notice.key, .en) != localizer.text(notice.key, .nl), "\(notice.key) has no English text")
        }
    }

    @Test func aSavedGoalSaysSoOnThePageItLeadsTo() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.coordinator.get(scenario.path)
            let saved = try await scenario.coordinator.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": "Rekeningen op tijd betalen"])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            #expect(location == scenario.path + "?notice=goal_added")
            let page = try await scenario.coordinator.get(location)
            #expect(page.body.string.contains(#"<p class="notice" role="status" id="notice">Doel toegevoegd.</p>"#))
            // The goal's own page says whose goal it is.
            let goal = try #require(try await Goal.query(on: app.db).first())
            #expect(try await scenario.coordinator.get(SiteRoute.goal.path(scenario.householdID, try goal.requireID())).body.string.contains("Doel van Huishouden El Amrani"))
        }
    }

    /// Only the named notices show, in words of our own: a link cannot make the page say something.
    @Test func anUnknownNoticeShowsNothing() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let page = try await scenario.coordinator.get(scenario.path + "?notice=%3Cb%3Ehacked%3C%2Fb%3E")
            #expect(page.status == .ok)
            #expect(!page.body.string.contains(#"class="notice""#))
            #expect(!page.body.string.contains("hacked"))
        }
    }

    @Test func aFragmentStaysAtTheEnd() throws {
        let app = Application(.testing)
        defer { app.shutdown() }
        let request = Request(application: app, on: app.eventLoopGroup.next())
        let response = request.redirect(to: "/portal#my-progress", notice: .assessmentSaved)
        #expect(response.headers.first(name: .location) == "/portal?notice=assessment_saved#my-progress")
    }
}
