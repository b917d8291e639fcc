import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

@Suite("Notes and emergency access")
struct NotesAndEmergencyTests {
    static let secret = "Mevrouw vertelde over de schuld bij de energieleverancier"

    @Test func noteTextIsEncryptedAtRestAndReadByDomain() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get(scenario.path)
            let added = try await client.post(SiteRoute.notes.path(scenario.householdID), [
                "domain": "finances", "kind": "visit", "occurred_on": Day.today(), "text": Self.secret + "\nTweede regel.",
            ])
            #expect(added.status == .seeOther)
            #expect(try await client.get(scenario.path).body.string.contains(Self.secret))

            for row in try await app.db.sql.raw("SELECT * FROM notes").all() {
                for column in row.allColumns {
                    let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                    #expect(text?.contains("energieleverancier") != true, "column \(column)")
                }
            }
            // A partner with consent for housing only does not see finance notes.
            _ = try await scenario.consent([.housing], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.housing])
            let partner = try await scenario.professional("woonbegeleider", of: scenario.partner)
            let page = try await partner.get(scenario.path)
            #expect(page.status == .ok)
            #expect(!page.body.string.contains(Self.secret))
        }
    }

    @Test func badNotesAreRefusedWithAMessage() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get(scenario.path)
            let future = try await client.post(SiteRoute.notes.path(scenario.householdID), ["domain": "finances", "occurred_on": "2999-01-01", "text": "x"])
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("Deze datum ligt in de toekomst."))
            let long = try await client.post(SiteRoute.notes.path(scenario.householdID), ["domain": "finances", "occurred_on": Day.today(), "text": String(repeating: "a", count: 5001)])
            #expect(long.status == .unprocessableEntity)
            #expect(try await Note.query(on: app.db).count() == 0)
        }
    }

    @Test func breakTheGlassNeedsAReasonIsTimeLimitedAndReviewed() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            _ = try await scenario.goal(.mentalHealth, "Rust in mijn hoofd")
            let outsider = try await scenario.professional("crisisdienst", of: scenario.partner)
            let refused = try await outsider.get(scenario.path)
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("U krijgt dan 24 uur toegang"))

            let short = try await outsider.post(SiteRoute.breakTheGlass.path(scenario.householdID), ["reason": "nood"])
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.string.contains("minstens 20 tekens"))
            #expect(try await BreakTheGlassOpening.query(on: app.db).count() == 0)

            let reason = "Inwoner belde in crisis, acuut suïciderisico"
            #expect(try await outsider.post(SiteRoute.breakTheGlass.path(scenario.householdID), ["reason": reason]).status == .seeOther)
            let page = try await outsider.get(scenario.path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Rust in mijn hoofd"))
            #expect(page.body.string.contains("met noodtoegang"))
            let basis = try await AccessLogEntry.query(on: app.db).filter(\.$userName == "crisisdienst").filter(\.$event == "household.view").sort(\.$sequence).all().map(\.basis)
            #expect(basis == ["none", "break_the_glass"])

            // The privacy officer sees it for review and marks it reviewed.
            let (_, secret) = try await scenario.fixtures.user("anouk", role: .privacyOfficer, in: scenario.tenant)
            let officer = TestClient(app)
            try await scenario.fixtures.signIn(officer, "anouk", secret: secret)
            let review = try await officer.get("/privacy/break-the-glass")
            #expect(review.body.string.contains(reason))
            let opening = try #require(try await BreakTheGlassOpening.query(on: app.db).first())
            #expect(abs(opening.expiresAt.timeIntervalSince(opening.openedAt) - 24 * 3600) < 1)
            let empty = try await officer.post(SiteRoute.breakTheGlassReview.path(try opening.requireID()), ["comment": ""])
            #expect(empty.status == .unprocessableEntity)
            let noVerdict = try await officer.post(SiteRoute.breakTheGlassReview.path(try opening.requireID()), ["comment": "Crisis bevestigd."])
            #expect(noVerdict.status == .unprocessableEntity)
            #expect(noVerdict.body.string.contains("Kies of deze noodtoegang terecht was."))
            #expect(try await officer.post(SiteRoute.breakTheGlassReview.path(try opening.requireID()), ["comment": "Crisis bevestigd.", "verdict": "justified"]).status == .seeOther)
            let reviewed = try await BreakTheGlassOpening.find(opening.id, on: app.db)!
            #expect(reviewed.reviewedAt != nil && reviewed.reviewComment == "Crisis bevestigd." && reviewed.verdict == "justified")
            #expect(try await officer.get("/privacy/break-the-glass").body.string.contains("<td>Terecht</td>"))

            // When the time is up, so is the access.
            reviewed.expiresAt = Date().addingTimeInterval(-1)
            try await reviewed.save(on: app.db)
            #expect(try await outsider.get(scenario.path).status == .forbidden)
        }
    }

    @Test func onlyProfessionalsCanBreakTheGlass() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let (_, secret) = try await scenario.fixtures.user("pieter", role: .analyst, in: scenario.tenant)
            let analyst = TestClient(app)
            try await scenario.fixtures.signIn(analyst, "pieter", secret: secret)
            try await analyst.get("/")
            let response = try await analyst.post(SiteRoute.breakTheGlass.path(scenario.householdID), ["reason": "Ik wil gewoon even kijken hoor"])
            #expect(response.status == .notFound)
            #expect(try await BreakTheGlassOpening.query(on: app.db).count() == 0)
            #expect(try await analyst.get(scenario.path).status == .notFound)
        }
    }
}

@Suite("Refused forms keep what was typed")
struct TypedInputTests {
    @Test func aNoteWithoutALifeDomainKeepsItsText() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.coordinator.get(scenario.path)
            let refused = try await scenario.coordinator.post(SiteRoute.notes.path(scenario.householdID), [
                "domain": "", "kind": "visit", "occurred_on": "2026-11-02", "text": "Huisbezoek: <post> ligt ongeopend op tafel.",
            ])
            #expect(refused.status == .unprocessableEntity)
            let body = refused.body.string
            #expect(body.contains("Huisbezoek: &lt;post&gt; ligt ongeopend op tafel.</textarea>"))
            #expect(body.contains(#"value="2026-11-02""#) && body.contains(#"<option value="visit" selected>"#))
            #expect(try await Note.query(on: app.db).count() == 0)
        }
    }

    @Test func aGoalWithoutALifeDomainOrWithATooLongTitleKeepsWhatWasTyped() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.coordinator.get(scenario.path)
            let noDomain = try await scenario.coordinator.post(SiteRoute.goals.path(scenario.householdID), ["domain": "", "title": "Weer rust in huis", "target": "Binnen drie maanden"])
            #expect(noDomain.status == .unprocessableEntity)
            #expect(noDomain.body.string.contains(#"value="Weer rust in huis""#) && noDomain.body.string.contains(#"value="Binnen drie maanden""#))
            let tooLong = try await scenario.coordinator.post(SiteRoute.goals.path(scenario.householdID), ["domain": "finances", "title": String(repeating: "a", count: 301), "target": "Geen achterstand"])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.string.contains(#"<option value="finances" selected>"#) && tooLong.body.string.contains(#"value="Geen achterstand""#))
            #expect(try await Goal.query(on: app.db).count() == 0)
        }
    }

    @Test func anActionWithoutAnOwnerKeepsItsDescriptionAndDate() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let path = SiteRoute.goal.path(scenario.householdID, try goal.requireID())
            let page = try await scenario.coordinator.get(path)
            #expect(!page.body.string.contains(#"id="action_description" name="description" type="text" maxlength="300" value="nil""#))
            let refused = try await scenario.coordinator.post(SiteRoute.actions.path(scenario.householdID, try goal.requireID()), [
                "description": "Samen de post doornemen", "owner_kind": "", "due_on": "2099-01-15", "owner_name": "",
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"value="Samen de post doornemen""#) && refused.body.string.contains(#"value="2099-01-15""#))
            #expect(try await PlanAction.query(on: app.db).count() == 0)
        }
    }

    @Test func aPortalConsentWithoutAnOrganisationKeepsItsPurposeAndTopics() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let person = try await ActionRightsTests.residentClient(scenario)
            let refused = try await person.post("/portal/consents", ["organization_id": "", "domains[]": "housing", "purpose": "Hulp bij het zoeken naar een woning"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"value="Hulp bij het zoeken naar een woning""#))
            #expect(refused.body.string.contains(#"value="housing" checked"#))
        }
    }

}

@Suite("Who does an action")
struct ActionOwnerTests {
    @Test func everyoneReadsWhoItIsNotIkProfessional() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let goal = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            let goalPath = SiteRoute.goal.path(scenario.householdID, try goal.requireID())
            try await scenario.coordinator.get(goalPath)
            #expect(try await scenario.coordinator.post(SiteRoute.actions.path(scenario.householdID, try goal.requireID()),
                                                       ["description": "Budgetplan maken", "owner_kind": "professional"]).status == .seeOther)
            let page = try await scenario.coordinator.get(goalPath)
            #expect(page.body.string.contains("Sanne") && !page.body.string.contains("<td>Ik (professional)</td>"))
            let person = try await ActionRightsTests.residentClient(scenario)
            #expect(try await person.post("/portal/actions", ["goal_id": try goal.requireID().uuidString, "description": "Post openen"]).status == .seeOther)
            let portal = try await person.get("/portal").body.string
            #expect(portal.contains("Sanne") && !portal.contains("Ik (professional)"))
            #expect(portal.contains("U zelf"))
        }
    }
}
