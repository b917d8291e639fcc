import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// The timeline links each entry to what it describes — a goal's page, a
/// note, a consent, a team row, a member's progress, a referral — but only
/// when the reader may see that thing: the access rule decides, not the entry.
@Suite("Timeline links")
struct TimelineLinkTests {
    /// `<a href="…">what</a>` in the timeline.
    static func link(_ href: String, _ what: String) -> String { "<a href=\"\(href)\">\(what)</a>" }

    @Test func entriesLinkToWhatTheyDescribeForTheCoordinator() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            let base = scenario.base
            let client = base.coordinator
            let page = base.path
            try await client.get(page)
            let goalID = try scenario.goal.requireID()
            #expect(try await client.post(SiteRoute.goal.path(base.householdID, goalID), ["title": "Overzicht in de schulden", "target": "Eén overzicht", "status": "open", "version": "1"]).status == .seeOther)
            #expect(try await client.post(SiteRoute.notes.path(base.householdID), ["domain": "finances", "occurred_on": Day.today(), "text": "Gesprek"]).status == .seeOther)
            #expect(try await client.post(SiteRoute.actions.path(base.householdID, goalID), ["description": "Bank bellen", "owner_kind": "professional"]).status == .seeOther)
            let resident = try await base.resident()
            #expect(try await client.post(SiteRoute.consents.path(base.householdID), [
                "resident_id": try resident.requireID().uuidString, "organization_id": try base.partner.requireID().uuidString,
                "domains[]": "finances", "purpose": "Schulden regelen", "valid_from": "2020-01-01", "method": "verbal",
            ]).status == .seeOther)
            #expect(try await client.post(SiteRoute.involvements.path(base.householdID), ["organization_id": try base.partner.requireID().uuidString, "domains[]": "finances"]).status == .seeOther)
            #expect(try await client.post(try base.assessmentsPath(resident), HouseholdScenario.form(["finances": "2"])).status == .seeOther)
            #expect(try await scenario.send().status == .seeOther)

            let body = try await client.get(page).body.string
            let note = try #require(try await Note.query(on: app.db).first()).requireID()
            let consent = try #require(try await Consent.query(on: app.db).first()).requireID()
            let involvement = try #require(try await Involvement.query(on: app.db).filter(\.$organizationID == base.partner.requireID()).first()).requireID()
            let referral = try await scenario.referral().requireID()
            #expect(body.contains(Self.link(SiteRoute.goal.path(base.householdID, goalID), "Doel gewijzigd (Financiën)")))
            #expect(body.contains(Self.link(SiteRoute.goal.path(base.householdID, goalID), "Actie toegevoegd (Financiën)")))
            #expect(body.contains(Self.link("\(page)#note-\(note)", "Notitie geschreven (Financiën)")))
            #expect(body.contains("<li id=\"note-\(note)\">"))
            #expect(body.contains(Self.link("\(page)#consent-\(consent)", "Toestemming gegeven")))
            #expect(body.contains("<tr id=\"consent-\(consent)\">"))
            #expect(body.contains(Self.link("\(page)#involvement-\(involvement)", "Organisatie toegevoegd aan het team")))
            #expect(body.contains("<tr id=\"involvement-\(involvement)\">"))
            #expect(body.contains(Self.link("\(page)#progress-\(try resident.requireID())", "Meting vastgelegd (Financiën)")))
            #expect(body.contains(Self.link(SiteRoute.referral.path(referral), "Verwijzing verstuurd (Financiën)")))
            #expect(body.contains(Self.link("\(page)#members-title", "Huishouden aangemeld")))
            // Every link is followed to a page that opens.
            for path in [SiteRoute.goal.path(base.householdID, goalID), SiteRoute.referral.path(referral)] {
                #expect(try await client.get(path).status == .ok)
            }
        }
    }

    @Test func noLinkToWhatTheReaderMayNotSee() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let client = scenario.coordinator
            try await client.get(scenario.path)
            let goal = try await scenario.goal(.finances, "Rekeningen betalen")
            let goalID = try goal.requireID()
            #expect(try await client.post(SiteRoute.actions.path(scenario.householdID, goalID), ["description": "Bank bellen", "owner_kind": "professional"]).status == .seeOther)
            let action = try #require(try await PlanAction.query(on: app.db).first()).requireID()
            // A step the resident adds in the portal is logged without a life domain: everyone on the team sees that it happened.
            try await AccessLogger.append(AuditRecord(
                occurredAt: Date(), event: "action.created", outcome: .success, tenantID: try scenario.tenant.requireID(),
                subjectID: scenario.householdID, basis: .own, objectType: "action", objectID: action.uuidString
            ), key: app.config.keys.audit, on: app.db)
            let resident = try await scenario.resident()
            #expect(try await client.post(SiteRoute.consents.path(scenario.householdID), [
                "resident_id": try resident.requireID().uuidString, "organization_id": try scenario.partner.requireID().uuidString,
                "domains[]": "housing", "purpose": "Woning", "valid_from": "2020-01-01", "method": "verbal",
            ]).status == .seeOther)
            #expect(try await client.post(SiteRoute.involvements.path(scenario.householdID), ["organization_id": try scenario.partner.requireID().uuidString, "domains[]": "housing"]).status == .seeOther)
            let consent = try #require(try await Consent.query(on: app.db).first()).requireID()

            // The coordinator follows the resident's step to its goal.
            let own = try await client.get(scenario.path).body.string
            #expect(own.components(separatedBy: Self.link(SiteRoute.goal.path(scenario.householdID, goalID), "Actie toegevoegd")).count == 2)

            // The housing partner sees that these things happened, but neither the finance goal nor the consent and team sections.
            let partner = try await scenario.professional("woon", of: scenario.partner)
            let seen = try await partner.get(scenario.path)
            #expect(seen.status == .ok)
            let body = seen.body.string
            #expect(body.contains("<br>Actie toegevoegd</li>"))
            #expect(body.contains("<br>Toestemming gegeven</li>"))
            #expect(body.contains("<br>Organisatie toegevoegd aan het team</li>"))
            #expect(!body.contains("goals/\(goalID)"))
            #expect(!body.contains("#consent-\(consent)"))
            #expect(!body.contains("#involvement-") && !body.contains("team-title"))
            #expect(!body.contains("Actie toegevoegd (Financiën)"))
        }
    }
}
