import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Impact agreements between the municipality and a partner: targets judged
/// against the partner's live figures, a thread per period between the
/// partner's manager and the municipality, edits that never overwrite.
@Suite("Impact agreements and stories behind the curve")
struct AgreementTests {
    struct Sides {
        let setting: IndicatorAPITests.Setting
        let partner: Organization
        let manager: TestClient
        let indicator: IndicatorDefinition
        let period: Period
        let value: Double
    }

    /// A refreshed municipality, a partner organisation with a count of at
    /// least ten on an agreeable indicator this year or last, and its manager.
    static func sides(_ app: Application) async throws -> Sides {
        let setting = try await IndicatorAPITests.setting(app)
        let tenantID = try setting.tenant.requireID()
        let reader = MonitorReader(db: app.db, tenantID: tenantID)
        let year = Period.containing(CivilDay.today(), .year)
        let partners = try await Organization.scoped(to: tenantID, on: app.db).filter(\.$partOfMunicipality == false).all()
        var best: (Organization, IndicatorDefinition, Period, Double)?
        for partner in partners {
            for indicator in app.indicators.all where indicator.measure == .count && indicator.dimensions.contains(.organization) {
                for period in [year, year.previous] {
                    let filter = MonitorReader.Filter(dimension: .organization, member: partner.id!.uuidString)
                    if let value = try await reader.figures(indicator, periods: [period], filter: filter)[period]?.value,
                       value >= 10, value > best?.3 ?? 0 { best = (partner, indicator, period, value) }
                }
            }
        }
        let (partner, indicator, period, value) = try #require(best, "no partner with a figure to agree on")
        let manager = try await Self.manager(of: partner, "manager", app, setting.tenant)
        return Sides(setting: setting, partner: partner, manager: manager, indicator: indicator, period: period, value: value)
    }

    static func manager(of organization: Organization, _ name: String, _ app: Application, _ tenant: Tenant, flag: Bool = true) async throws -> TestClient {
        let fixtures = Fixtures(app: app)
        let (user, secret) = try await fixtures.user(name, role: .professional, in: tenant, organization: organization)
        user.isManager = flag
        try await user.save(on: app.db)
        let client = TestClient(app)
        try await fixtures.signIn(client, name, secret: secret)
        return client
    }

    static func agreement(_ sides: Sides) async throws -> String {
        let made = try await sides.setting.analyst.post("/agreements", ["organization_id": sides.partner.id!.uuidString, "title": "Samen 2027"])
        #expect(made.status == .seeOther)
        let location = try #require(made.headers.first(name: .location))
        return String(location.prefix { $0 != "?" })
    }

    /// The agreement's id, from its path (the demo tenant has agreements of its own).
    static func id(_ path: String) throws -> UUID { try #require(UUID(uuidString: String(path.split(separator: "/").last ?? ""))) }

    static func target(_ sides: Sides, _ path: String, _ target: Double) async throws -> TestingHTTPResponse {
        try await sides.setting.analyst.post(path + "/targets", ["indicator": sides.indicator.id, "period": sides.period.id, "target": String(target)])
    }

    @Test func aTargetIsJudgedAgainstThePartnersLiveFigure() async throws {
        try await withApp { app in
            let sides = try await Self.sides(app)
            let path = try await Self.agreement(sides)
            #expect(try await Self.target(sides, path, sides.value).status == .seeOther)
            var page = try await sides.setting.analyst.get(path).body.string
            #expect(page.contains("✓ Op koers"))
            #expect(page.contains(String(Int(sides.value))))

            // Twice the figure is far out of reach; the same target twice is refused by name.
            let targetID = try #require(try await ImpactAgreementTarget.query(on: app.db).filter(\.$agreementID == Self.id(path)).first()?.requireID())
            #expect(try await Self.target(sides, path, sides.value * 2).status == .conflict)
            #expect(try await sides.setting.analyst.post(path + "/targets/\(targetID)/delete").status == .seeOther)
            #expect(try await Self.target(sides, path, sides.value * 2).status == .seeOther)
            page = try await sides.setting.analyst.get(path).body.string
            #expect(page.contains("✗ Uit koers"))
            #expect(!page.contains("✓ Op koers"))

            // Bad input keeps what was typed and names the problem.
            let refused = try await sides.setting.analyst.post(path + "/targets", ["indicator": sides.indicator.id, "period": sides.period.id, "target": "negentig"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Vul een getal in"))
            #expect(refused.body.string.contains(#"value="negentig""#))
            let tooHigh = try await sides.setting.analyst.post(path + "/targets", ["indicator": "closed-loop-rate", "period": sides.period.id, "target": "120"])
            #expect(tooHigh.status == .unprocessableEntity)
            #expect(try await ImpactAgreementTarget.query(on: app.db).filter(\.$agreementID == Self.id(path)).count() == 1)
        }
    }

    @Test func thePartnersManagerAndTheMunicipalityTalkPerPeriodAndNobodyElseSeesIt() async throws {
        try await withApp { app in
            let sides = try await Self.sides(app)
            let path = try await Self.agreement(sides)
            #expect(try await Self.target(sides, path, sides.value).status == .seeOther)

            let listed = try await sides.manager.get("/agreements")
            #expect(listed.status == .ok && listed.body.string.contains("Samen 2027"))
            #expect(try await sides.manager.post(path + "/notes", ["period": sides.period.id, "text": "Meer aanmeldingen door de wijkteams."]).status == .seeOther)
            #expect(try await sides.setting.analyst.post(path + "/notes", ["period": sides.period.id, "text": "Mooi; laten we in maart de wachttijd bespreken."]).status == .seeOther)
            for client in [sides.manager, sides.setting.analyst] {
                let page = try await client.get(path).body.string
                let story = try #require(page.range(of: "Meer aanmeldingen door de wijkteams."))
                let answer = try #require(page.range(of: "Mooi; laten we in maart de wachttijd bespreken."))
                #expect(story.lowerBound < answer.lowerBound, "the thread reads in the order it was written")
                #expect(page.contains("Manager") && page.contains("Test-Analyst"), "each note is signed")
            }
            // The partner's manager cannot set targets; nobody else sees the agreement at all.
            let setByPartner = try await sides.manager.post(path + "/targets", ["indicator": sides.indicator.id, "period": sides.period.id, "target": "1"])
            #expect(setByPartner.status == .forbidden)
            let other = try #require(try await Organization.query(on: app.db).filter(\.$id != sides.partner.id!).filter(\.$partOfMunicipality == false).first())
            let otherManager = try await Self.manager(of: other, "other-manager", app, sides.setting.tenant)
            let colleague = try await Self.manager(of: sides.partner, "colleague", app, sides.setting.tenant, flag: false)
            for client in [otherManager, colleague] {
                #expect(try await client.get(path).status == .notFound)
                #expect(try await client.post(path + "/notes", ["period": sides.period.id, "text": "x"]).status == .notFound)
            }
            #expect(try await otherManager.get("/agreements").body.string.contains("Samen 2027") == false)
            #expect(try await colleague.get("/agreements").status == .notFound)
            #expect(try await MonitorNote.query(on: app.db).filter(\.$agreementID == Self.id(path)).count() == 2)
        }
    }

    @Test func twoEditsOfTheSameWordingNeverOverwriteEachOther() async throws {
        try await withApp { app in
            let sides = try await Self.sides(app)
            let path = try await Self.agreement(sides)
            #expect(try await sides.manager.post(path + "/notes", ["period": sides.period.id, "text": "Eerste versie."]).status == .seeOther)
            let note = try #require(try await MonitorNote.query(on: app.db).filter(\.$agreementID == Self.id(path)).first())
            let edit = "/monitor/notes/\(note.id!)"
            #expect(try await sides.manager.get(edit).body.string.contains("Eerste versie."))
            // Two tabs opened the same wording; the first save lands, the second is a 409 that keeps its text.
            let first = try await sides.manager.post(edit, ["text": "Tweede versie.", "replaces": note.id!.uuidString])
            #expect(first.status == .seeOther)
            let second = try await sides.manager.post(edit, ["text": "Andere versie.", "replaces": note.id!.uuidString])
            #expect(second.status == .conflict)
            #expect(second.body.string.contains("Tweede versie.") && second.body.string.contains("Andere versie."))
            let page = try await sides.manager.get(path).body.string
            #expect(page.contains("Tweede versie.") && !page.contains("Eerste versie.") && !page.contains("Andere versie."))
            #expect(page.contains("bewerkt"))
            // Every wording stays on record; the municipality cannot edit the partner's story.
            #expect(try await MonitorNote.query(on: app.db).filter(\.$agreementID == Self.id(path)).count() == 2)
            #expect(try await sides.setting.analyst.get(edit).status == .notFound)
        }
    }

    @Test func theStoryBehindTheCurveIsSignedDatedAndStaysInItsTenant() async throws {
        try await withApp { app in
            let setting = try await IndicatorAPITests.setting(app)
            let month = Period.containing(CivilDay.today(), .month)
            let path = "/monitor/indicators/referrals-sent"
            let saved = try await setting.analyst.post(path + "/stories", ["period": month.id, "text": "De daling komt door de zomerstop van twee teams."])
            #expect(saved.status == .seeOther)
            let page = try await setting.analyst.get(path + "?period=\(month.id)").body.string
            #expect(page.contains("De daling komt door de zomerstop van twee teams."))
            #expect(page.contains("Test-Analyst"))
            // Not beside another month's figure, not on another tenant's monitor, not writable by a professional.
            #expect(!(try await setting.analyst.get(path + "?period=\(month.previous.id)").body.string.contains("zomerstop")))
            let fixtures = Fixtures(app: app)
            let other = try await fixtures.tenant("ander")
            let (_, secret) = try await fixtures.user("ander-analyst", role: .analyst, in: other)
            let stranger = TestClient(app)
            try await fixtures.signIn(stranger, "ander-analyst", secret: secret)
            #expect(!(try await stranger.get(path + "?period=\(month.id)").body.string.contains("zomerstop")))
            let organization = try #require(try await Organization.query(on: app.db).filter(\.$tenantID == setting.tenant.id!).first())
            let professional = try await Self.manager(of: organization, "gewoon", app, setting.tenant, flag: false)
            #expect(try await professional.post(path + "/stories", ["period": month.id, "text": "x"]).status == .notFound)
            // An empty story is refused on the page, with the figure still there.
            let empty = try await setting.analyst.post(path + "/stories", ["period": month.id, "text": "  "])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await MonitorNote.query(on: app.db).filter(\.$topic == "story").count() == 1)
        }
    }

    @Test func ofTwoSimultaneousRevisionsOfOneWordingExactlyOneLands() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (user, _) = try await fixtures.user("analyst", role: .analyst, in: tenant)
            let note = MonitorNote(tenantID: try tenant.requireID(), topic: .story, period: "2026-11", side: "municipality",
                                   text: "Eerste versie.", authorID: try user.requireID(), authorName: "Analyst")
            note.indicator = "referrals-sent"
            try await note.create(on: app.db)
            let actor = try Actor(user, organizationIsMunicipal: false)
            let landed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<4 {
                    group.addTask { try await MonitorNotes.revise(note, to: "Versie \(index).", by: actor, on: app.db) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(landed.filter { $0 }.count == 1)
            #expect(try await MonitorNote.query(on: app.db).count() == 2)
        }
    }
}
