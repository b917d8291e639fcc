import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 23: partners report arrears through the API (idempotently, every
/// bad field named, a batch all or nothing); signals of one household
/// combine into a case; the designated team triages, records attempts and
/// closes — seeing that a household is known and who coordinates it, never its plan.
@Suite("Early signals: intake, cases, triage")
struct SignalAppTests {
    struct Setup {
        let scenario: HouseholdScenario
        let housing: Organization
        let token: String
        let energyToken: String
        let triage: TestClient
    }

    static func setUp(_ app: Application) async throws -> Setup {
        let scenario = try await HouseholdScenario.make(app)
        let tenantID = try scenario.tenant.requireID()
        let housing = try await scenario.fixtures.organization(in: scenario.tenant, name: "Woonstichting", kind: .housing)
        let energy = try await scenario.fixtures.organization(in: scenario.tenant, name: "Energie Noord", kind: .welfare)
        try await SignalPartner(tenantID: tenantID, organizationID: try housing.requireID(), allowed: [.rent: .defaults], at: Date()).create(on: app.db)
        try await SignalPartner(tenantID: tenantID, organizationID: try energy.requireID(), allowed: [.electricity: .defaults, .gas: .defaults], at: Date()).create(on: app.db)
        scenario.partner.handlesSignals = true
        try await scenario.partner.save(on: app.db)
        var tokens: [String] = []
        for (name, organization) in [("woon", housing), ("energie", energy)] {
            let client = try await scenario.professional(name, of: organization)
            let issued = try await ApiAuthTests.createToken(client, scope: "read write")
            tokens.append(try #require(TestClient.firstMatch(#"<code class="secret">(sst_[A-Za-z0-9_-]+)</code>"#, in: issued.body.string)))
        }
        let triage = try await scenario.professional("schuldhulp", of: scenario.partner)
        return Setup(scenario: scenario, housing: housing, token: tokens[0], energyToken: tokens[1], triage: triage)
    }

    static func signal(_ reference: String, kind: String = "rent", amount: String = "850.00", months: Int = 2, bsn: String? = nil,
                       street: String = "Lindelaan 12") -> String {
        let bsnField = bsn.map { #","bsn":"\#($0)""# } ?? ""
        return #"{"reference":"\#(reference)","kind":"\#(kind)","amount":\#(amount),"monthsInArrears":\#(months),"signalledOn":"\#(Day.today())","reminderSent":true,"givenName":"Fatima","familyName":"El Amrani","birthDate":"1984-03-21","street":"\#(street)","postcode":"1234 AB","city":"Voorbeeld"\#(bsnField)}"#
    }

    static func post(_ app: Application, _ path: String, token: String, _ body: String) async throws -> TestingHTTPResponse {
        try await TestClient(app).send(.POST, path, headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")], body: body)
    }

    @Test func aPartnerReportsOnceEvenWhenItSendsTwiceAndLearnsOnlyTheStatus() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let first = try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token, Self.signal("WS-1"))
            #expect(first.status == .created, "\(first.body.string)")
            let again = try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token, Self.signal("WS-1"))
            let id = try #require(TestClient.firstMatch(#""id":"([0-9A-F-]{36})""#, in: first.body.string))
            #expect(again.status == .ok && again.body.string.contains(id))
            #expect(try await Signal.query(on: app.db).count() == 1)
            #expect(first.body.string.contains(#""status":"received""#))

            // Not a partner, or a kind it may not report: refused; every bad field named.
            #expect(try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.energyToken, Self.signal("E-1")).status == .unprocessableEntity)
            let bad = try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token,
                                          #"{"reference":"WS-2","kind":"rent","amount":-5,"monthsInArrears":2,"signalledOn":"2026-02-31","familyName":"X","postcode":"12"}"#)
            #expect(bad.status == .unprocessableEntity)
            for field in ["amount", "signalledOn", "familyName", "postcode", "street"] { #expect(bad.body.string.contains(#""name":"\#(field)""#), "\(field)") }
            let stranger = try await setup.scenario.professional("buiten", of: setup.scenario.municipal)
            let strangerToken = try #require(TestClient.firstMatch(#"<code class="secret">(sst_[A-Za-z0-9_-]+)</code>"#,
                                                                    in: try await ApiAuthTests.createToken(stranger, scope: "read write").body.string))
            #expect(try await Self.post(app, SiteRoute.apiSignals.path(), token: strangerToken, Self.signal("X-1")).status == .forbidden)

            // The status, only for the partner that sent it.
            let signalID = try #require(try await Signal.query(on: app.db).first()?.requireID())
            let status = try await TestClient(app).send(.GET, SiteRoute.apiSignal.path(signalID), headers: [("Authorization", "Bearer \(setup.token)")], body: nil)
            #expect(status.status == .ok && status.body.string.contains("received") && !status.body.string.contains("Fatima"))
            #expect(try await TestClient(app).send(.GET, SiteRoute.apiSignal.path(signalID), headers: [("Authorization", "Bearer \(setup.energyToken)")], body: nil).status == .notFound)
        }
    }

    @Test func aBatchIsTakenWholeOrNotAtAllAndSignalsOfOneAddressMakeOneCase() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let refused = try await Self.post(app, SiteRoute.apiSignalBatch.path(), token: setup.energyToken,
                                              #"{"signals":[\#(Self.signal("E-1", kind: "electricity")),\#(Self.signal("E-2", kind: "gas", amount: "-1"))]}"#)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("signals[1].amount"))
            #expect(try await Signal.query(on: app.db).count() == 0)
            let taken = try await Self.post(app, SiteRoute.apiSignalBatch.path(), token: setup.energyToken,
                                            #"{"signals":[\#(Self.signal("E-1", kind: "electricity")),\#(Self.signal("E-2", kind: "gas", amount: "120"))]}"#)
            #expect(taken.status == .ok)
            #expect(try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token, Self.signal("WS-1", street: "lindelaan 12")).status == .created)
            let cases = try await SignalCase.query(on: app.db).all()
            #expect(cases.count == 1)
            #expect(cases.first?.partners == 2 && cases.first?.totalArrearsCents == 85_000 + 85_000 + 12_000)
            // Who it is about is sealed.
            for row in try await app.db.sql.raw("SELECT * FROM signals").all() {
                for column in row.allColumns {
                    let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                    #expect(text?.contains("Amrani") != true && text?.contains("Lindelaan") != true, "signals.\(column)")
                }
            }
        }
    }

    @Test func theDesignatedTeamTriagesSeesThatAHouseholdIsKnownButNotItsPlan() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            _ = try await setup.scenario.goal(.finances, "Geheim doel over de schuldeisers")
            #expect(try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token, Self.signal("WS-1", bsn: HouseholdScenario.bsn)).status == .created)
            #expect(try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token, Self.signal("WS-9", amount: "3000", months: 5, street: "Kerkstraat 8")).status == .created)
            let queue = try await setup.triage.get(SiteRoute.signalCases.path())
            #expect(queue.status == .ok)
            let page = queue.body.string
            #expect(page.contains("Al bekend bij Samenspel – neem contact op met Werk en Inkomen"))
            #expect(!page.contains("Geheim doel"))
            // Longest arrears first.
            let kerkstraat = try #require(page.range(of: "Kerkstraat")), linde = try #require(page.range(of: "Lindelaan"))
            #expect(kerkstraat.lowerBound < linde.lowerBound)
            // Not for the coordinator's team: it does not handle signals.
            #expect(try await setup.scenario.coordinator.get(SiteRoute.signalCases.path()).status == .notFound)

            let signalCase = try #require(try await SignalCase.query(on: app.db).sort(\.$longestMonths).first())
            let caseID = try signalCase.requireID()
            let casePage = try await setup.triage.get(SiteRoute.signalCase.path(caseID))
            #expect(casePage.status == .ok && casePage.body.string.contains("Fatima El Amrani") && !casePage.body.string.contains("Geheim doel"))
            let future = try await setup.triage.post(SiteRoute.signalCaseAttempts.path(caseID), ["channel": "phone", "attempted_on": "2999-01-01"])
            #expect(future.status == .unprocessableEntity)
            #expect(try await setup.triage.post(SiteRoute.signalCaseAttempts.path(caseID), ["channel": "phone", "attempted_on": Day.today(), "reached": "on"]).status == .seeOther)
            #expect(try await SignalCase.find(caseID, on: app.db)?.status == "in_contact")
            #expect(try await setup.triage.post(SiteRoute.signalCaseClose.path(caseID), ["outcome": "declined", "version": "1"]).status == .conflict)
            #expect(try await setup.triage.post(SiteRoute.signalCaseClose.path(caseID), ["outcome": "declined", "version": "2"]).status == .seeOther)
            #expect(try await SignalCase.find(caseID, on: app.db)?.outcome == "declined")
            let looks = try await AccessLogEntry.query(on: app.db).filter(\.$objectType == "signal_case").filter(\.$userName == "schuldhulp").count()
            #expect(looks >= 6, "every look at a case is logged: \(looks)")
            let signal = try #require(try await Signal.query(on: app.db).filter(\.$caseID == caseID).first())
            let status = try await TestClient(app).send(.GET, SiteRoute.apiSignal.path(try signal.requireID()), headers: [("Authorization", "Bearer \(setup.token)")], body: nil)
            #expect(status.body.string.contains(#""status":"closed""#) && !status.body.string.contains("declined"))
        }
    }

    @Test func helpAcceptedByAKnownHouseholdTellsItsCoordinatorInsteadOfASecondIntake() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            #expect(try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token, Self.signal("WS-1", bsn: HouseholdScenario.bsn)).status == .created)
            let caseID = try #require(try await SignalCase.query(on: app.db).first()?.requireID())
            let closed = try await setup.triage.post(SiteRoute.signalCaseClose.path(caseID), ["outcome": "accepted_help", "version": "1"])
            #expect(closed.status == .seeOther && closed.headers.first(name: .location) == SiteRoute.signalCase.path(caseID) + "?notice=coordinator_told")
            #expect(try await SignalCase.find(caseID, on: app.db)?.householdID == setup.scenario.householdID)
            // The coordinator's contact person hears; the team handling signals opens nothing of the household.
            let told = try await setup.scenario.coordinator.get(SiteRoute.notifications.path())
            #expect(told.body.string.contains("Betrek schuldhulp bij het team"))
            #expect(try await setup.triage.get(SiteRoute.household.path(setup.scenario.householdID)).status != .ok)
        }
    }

    @Test func aLikelyMatchWaitsForAPersonToCombineOrKeepApart() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            // Fatima El Amrani, born 1984-03-21, at two addresses: perhaps she moved, perhaps another Fatima.
            for (reference, street) in [("M-1", "Lindelaan 12"), ("M-2", "Kerkstraat 8"), ("M-3", "Dorpsstraat 1")] {
                #expect(try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token, Self.signal(reference, street: street)).status == .created)
            }
            #expect(try await SignalCase.query(on: app.db).count() == 3, "never merged by itself")
            let second = try #require(try await Signal.query(on: app.db).filter(\.$reference == "M-2").first())
            let first = try #require(try await Signal.query(on: app.db).filter(\.$reference == "M-1").first())
            #expect(second.uncertainCases == first.caseID.uuidString)
            let page = try await setup.triage.get(SiteRoute.signalCase.path(second.caseID))
            #expect(page.body.string.contains("Misschien dezelfde mensen") && page.body.string.contains("Lindelaan 12"))
            let version = try #require(try await SignalCase.find(second.caseID, on: app.db)?.version)

            // A stale decision is refused; the current one combines: one case, reweighed, the question gone.
            let stale = try await setup.triage.post(SiteRoute.signalCaseMatches.path(second.caseID),
                                                    ["other_case_id": first.caseID.uuidString, "decision": "combine", "version": String(version - 1)])
            #expect(stale.status == .conflict)
            let combined = try await setup.triage.post(SiteRoute.signalCaseMatches.path(second.caseID),
                                                       ["other_case_id": first.caseID.uuidString, "decision": "combine", "version": String(version)])
            #expect(combined.headers.first(name: .location) == SiteRoute.signalCase.path(first.caseID) + "?notice=cases_combined")
            #expect(try await SignalCase.find(second.caseID, on: app.db)?.outcome == "combined", "the emptied case stays, closed as combined")
            #expect(try await Signal.query(on: app.db).filter(\.$caseID == first.caseID).count() == 2)
            #expect(try await SignalCase.find(first.caseID, on: app.db)?.totalArrearsCents == 85_000, "one partner's latest amount of one kind")

            // The third kept apart: it stays its own case and is not asked about again.
            let third = try #require(try await Signal.query(on: app.db).filter(\.$reference == "M-3").first())
            let other = try #require(SignalMatches.otherCases(third).first)
            let thirdVersion = try #require(try await SignalCase.find(third.caseID, on: app.db)?.version)
            #expect(try await setup.triage.post(SiteRoute.signalCaseMatches.path(third.caseID),
                                                ["other_case_id": other.uuidString, "decision": "apart", "version": String(thirdVersion)]).status == .seeOther)
            let after = try await Signal.query(on: app.db).filter(\.$reference == "M-3").first()?.uncertainCases
            #expect(after == nil, "\(String(describing: after)) \(first.caseID) \(second.caseID) \(other)")
            #expect(!(try await setup.triage.get(SiteRoute.signalCase.path(third.caseID))).body.string.contains("Misschien dezelfde mensen"))
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$event == "signal_case.kept_apart").count() == 1)
        }
    }

    @Test func acceptedHelpStartsTheIntakeAndThePlan() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            #expect(try await Self.post(app, SiteRoute.apiSignals.path(), token: setup.token, Self.signal("WS-5", street: "Beukenlaan 3")).status == .created)
            let caseID = try #require(try await SignalCase.query(on: app.db).first()?.requireID())
            _ = try await setup.triage.get(SiteRoute.signalCase.path(caseID))
            let closed = try await setup.triage.post(SiteRoute.signalCaseClose.path(caseID), ["outcome": "accepted_help", "version": "1"])
            let location = try #require(closed.headers.first(name: .location))
            #expect(location.hasPrefix(SiteRoute.householdNew.path() + "?signal_case=" + caseID.uuidString))
            let intake = try await setup.triage.get(location)
            #expect(intake.status == .ok && intake.body.string.contains("value=\"Fatima\"") && intake.body.string.contains("Beukenlaan 3"))
            let created = try await setup.triage.post(SiteRoute.households.path(), HouseholdScenario.intake([
                // Another person than the scenario's Fatima, or the intake rightly asks whether she is already known.
                "given_name": "Kees", "family_name": "de Boer", "birth_date": "1970-05-05",
                "bsn": "123456782", "street": "Beukenlaan 3", "signal_case_id": caseID.uuidString,
                "consent_method": "signed_on_paper", "consent_purpose": "Schuldhulp na een signaal",
            ]))
            #expect(created.status == .seeOther, "\(created.body.string.prefix(600))")
            let linked = try #require(try await SignalCase.find(caseID, on: app.db)?.householdID)
            let goals = try await Goal.query(on: app.db).filter(\.$householdID == linked).all()
            #expect(goals.map(\.domain) == ["finances"])
            // The coordinator's team, not handling signals, cannot start an intake from a case.
            let form = try await setup.scenario.coordinator.get(SiteRoute.householdNew.path() + "?signal_case=" + caseID.uuidString)
            #expect(!form.body.string.contains("Beukenlaan"))
        }
    }
}
