import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Assessments on the household page")
struct AssessmentWebTests {
    @Test func aProfessionalScoresOnlyTheirDomainsAndSeesProgress() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await scenario.resident()
            let client = scenario.coordinator
            let form = try await client.get(try scenario.newAssessmentPath(resident))
            #expect(form.status == .ok)
            // The coordinator's involvement covers finances only: only that item is offered.
            #expect(form.body.string.contains(#"<legend>Financiën</legend>"#))
            #expect(!form.body.string.contains(#"<legend>Huisvesting</legend>"#))
            #expect(form.body.string.contains("Groeiende, complexe schulden"))

            let first = try await client.post(try scenario.assessmentsPath(resident), HouseholdScenario.form(["finances": "2"], day: "2026-01-12"))
            #expect(first.status == .seeOther)
            #expect(try await client.post(try scenario.assessmentsPath(resident), HouseholdScenario.form(["finances": "4"])).status == .seeOther)
            #expect(try await scenario.counts() == [2, 2])
            let stored = try #require(try await Assessment.query(on: app.db).first())
            #expect(stored.source == "professional" && stored.organizationID == scenario.municipal.id)
            #expect(stored.reasonEncrypted != nil && stored.reasonEncrypted?.contains("geld") == false)

            let page = try await client.get(scenario.path).body.string
            let progress = page.section(from: #"id="progress-title""#, to: #"id="notes-title""#)
            #expect(progress.contains("4 – Voldoende zelfredzaam"))
            #expect(progress.contains("2 – Niet zelfredzaam"))
            #expect(progress.contains("+2 sinds 12 januari 2026 (toen 2)"))
            #expect(progress.contains("<caption>Zelfredzaamheidsmatrix van Fatima El Amrani in cijfers</caption>"))
            let svg = try #require(progress.firstSVG)
            #expect(SVGCollector.parse(svg) != nil, "the chart is not well-formed XML")
            #expect(try await scenario.decisions("assessment.create", user: "sanne") == ["allowed", "allowed", "allowed", "allowed"])
        }
    }

    @Test func aDomainOutsideTheInvolvementIsRefusedAndNothingStored() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await scenario.resident()
            try await scenario.coordinator.get(scenario.path)
            let refused = try await scenario.coordinator.post(try scenario.assessmentsPath(resident), HouseholdScenario.form(["finances": "3", "housing": "2"]))
            #expect(refused.status == .forbidden)
            #expect(try await scenario.counts() == [0, 0])
            #expect(try await scenario.decisions("assessment.create", user: "sanne") == ["allowed", "allowed", "denied"])
        }
    }

    @Test func badInputGetsAClearMessageKeepsWhatWasTypedAndStoresNothing() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await scenario.resident()
            let client = scenario.coordinator
            let path = try scenario.assessmentsPath(resident)
            try await client.get(scenario.path)
            let cases: [([String: String], String)] = [
                (HouseholdScenario.form(["finances": "9"], reason: "Schuldenvraag, alleen geld"), "Deze score valt buiten de schaal van dit instrument."),
                (HouseholdScenario.form(["geluk": "3"], reason: "Schuldenvraag, alleen geld"), "Dit onderdeel hoort niet bij dit meetinstrument."),
                (HouseholdScenario.form(["finances": "3"], day: "2999-01-01", reason: "Schuldenvraag, alleen geld"), "Deze datum ligt in de toekomst."),
                (HouseholdScenario.form(["finances": "3"], day: "gisteren", reason: "Schuldenvraag, alleen geld"), "Vul een datum in, bijvoorbeeld 3-12-2026."),
                (HouseholdScenario.form([:], reason: "Schuldenvraag, alleen geld"), "Scoor minstens één onderdeel."),
                (HouseholdScenario.form(["finances": "3"], reason: ""), "Vul dit veld in."),
            ]
            for (form, message) in cases {
                let response = try await client.post(path, form)
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains(message), "\(message)")
                if form["reason"] != "" { #expect(response.body.string.contains("Schuldenvraag, alleen geld")) }
            }
            // The day typed stays in the form, and so does a valid score next to an error.
            let kept = try await client.post(path, HouseholdScenario.form(["finances": "3"], day: "2999-01-01"))
            #expect(kept.body.string.contains(#"value="2999-01-01""#))
            #expect(kept.body.string.contains(#"id="score-finances-3" name="scores[finances]" value="3" checked"#))
            #expect(try await scenario.counts() == [0, 0])
            // An instrument that does not exist is not a page.
            #expect(try await client.post(path, HouseholdScenario.form(["finances": "3"], instrument: "geluksmeter")).status == .notFound)
        }
    }

    @Test func theResidentsOwnViewIsShownSideBySideWhereItDiffers() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.store(["finances": 2], day: "2026-03-01")
            let person = try await scenario.residentClient()
            let form = try await person.get(SiteRoute.portalAssessmentNew.path() + "?instrument=" + HouseholdScenario.matrix)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("Hoe gaat het met uw geld?"))
            #expect(form.body.string.contains("Ik kom niet rond"))
            #expect(!form.body.string.contains(#"id="reason""#))
            let bad = try await person.post(SiteRoute.portalAssessments.path(), HouseholdScenario.form(["finances": "7"], reason: ""))
            #expect(bad.status == .unprocessableEntity)
            #expect(try await scenario.counts() == [1, 1])
            let saved = try await person.post(SiteRoute.portalAssessments.path(), HouseholdScenario.form(["finances": "4", "housing": "5"], reason: ""))
            #expect(saved.status == .seeOther)
            let own = try #require(try await Assessment.query(on: app.db).filter(\.$source == "self").first())
            #expect(own.residentID == (try await scenario.resident()).id)

            let page = try await scenario.coordinator.get(scenario.path).body.string
            let progress = page.section(from: #"id="progress-title""#, to: #"id="notes-title""#)
            #expect(progress.contains("Op 1 onderdeel ziet de inwoner het anders dan de professional"))
            #expect(progress.contains(#"<tr class="differs"><th scope="row">Financiën</th><td>2 – Niet zelfredzaam</td><td>–</td><td>4 – Voldoende zelfredzaam <strong class="differs-badge">verschilt</strong>"#))
            // Housing is not the coordinator's domain: the resident's own score there stays hidden.
            #expect(!progress.contains("Huisvesting"))
            // The resident sees both views in the portal, in plain words.
            let portal = try await person.get("/portal").body.string
            #expect(portal.contains("Het lukt me meestal zelf"))
            #expect(portal.contains("Het lukt me niet zonder hulp"))
            // And takes all of it home with "download my data".
            let export = try await person.get("/portal/my-data.json").body.string
            #expect(export.contains("Financiën: 4 – Voldoende zelfredzaam") && export.contains("Huisvesting: 5 – Volledig zelfredzaam"))
            #expect(try await person.get("/portal/my-data").body.string.contains("Financiën: 2 – Niet zelfredzaam"))
        }
    }

    @Test func goalsShowTheirDomainsBaselineAndLatestScore() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            _ = try await scenario.goal(.finances, "Rekeningen op tijd betalen")
            try await scenario.store(["finances": 1], day: "2026-01-12")
            try await scenario.store(["finances": 3], day: "2026-05-11")
            try await scenario.store(["finances": 5], day: "2026-06-01", own: true)
            let page = try await scenario.coordinator.get(scenario.path).body.string
            #expect(page.contains("Fatima El Amrani, Zelfredzaamheidsmatrix: nulmeting 1 (12 januari 2026), laatste meting 3 (11 mei 2026)"))
        }
    }

    @Test func aPartnerSeesOnlyConsentedDomainsAnalystsAndOtherTenantsNothing() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await scenario.resident()
            try await scenario.store(["finances": 2, "mental_health": 1], day: "2026-02-01")
            _ = try await scenario.consent([.finances], for: scenario.partner)
            try await scenario.involve(scenario.partner, [.finances])
            let partner = try await scenario.professional("schuldhulp", of: scenario.partner)
            let progress = try await partner.get(scenario.path).body.string.section(from: #"id="progress-title""#, to: #"id="notes-title""#)
            #expect(progress.contains("2 – Niet zelfredzaam"))
            #expect(!progress.contains("Geestelijke gezondheid"))

            let (_, secret) = try await scenario.fixtures.user("pieter", role: .analyst, in: scenario.tenant)
            let analyst = TestClient(app)
            try await scenario.fixtures.signIn(analyst, "pieter", secret: secret)
            #expect(try await analyst.get(try scenario.newAssessmentPath(resident)).status == .notFound)
            #expect(try await analyst.post(try scenario.assessmentsPath(resident), HouseholdScenario.form(["finances": "3"])).status == .notFound)

            let other = try await scenario.fixtures.tenant("beta")
            let otherOrg = try await scenario.fixtures.organization(in: other, name: "Werk Beta", kind: .municipalSocialServices)
            let (_, betaSecret) = try await scenario.fixtures.user("beta-pro", role: .professional, in: other, organization: otherOrg)
            let stranger = TestClient(app)
            try await scenario.fixtures.signIn(stranger, "beta-pro", secret: betaSecret)
            #expect(try await stranger.get(try scenario.newAssessmentPath(resident)).status == .notFound)
            try await stranger.get("/")
            #expect(try await stranger.post(try scenario.assessmentsPath(resident), HouseholdScenario.form(["finances": "3"])).status == .notFound)
            #expect(try await scenario.counts() == [1, 2])
        }
    }
}
