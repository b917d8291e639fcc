import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 23: cases that did not lead to help are erased after the tenant's
/// period, by the job and by `signals purge` (which can only list); the
/// access log keeps that it happened, not what the case held. The teams
/// handling signals hear, once a day, how many wait too long for contact.
@Suite("Early signals: retention and reminders")
struct SignalRetentionTests {
    static func signal(_ reference: String, family: String, street: String, on day: CivilDay, today: CivilDay) throws -> SignalFacts {
        let submission = SignalSubmission(reference: reference, kind: "rent", amount: "300", months: "2", signalledOn: day.iso, reminderSent: true,
                                          givenName: "Test", familyName: family, street: street, postcode: "1234 AB", city: "Voorbeeld")
        return try #require(SignalCheck.check(submission, allowed: [.rent: .defaults], today: today).facts)
    }

    @Test func casesWithoutHelpGoAfterThePeriodAndTheLogKeepsOnlyThatTheyWent() async throws {
        try await withApp { app in
            let setup = try await SignalUploadTests.setUp(app)
            let tenantID = try setup.scenario.tenant.requireID(), housing = try setup.housing.requireID()
            let today = CivilDay(year: 2026, month: 12, day: 3)!
            let intake = SignalIntake(db: app.db, keys: app.config.keys)
            let old = today.adding(days: -400), recent = today.adding(days: -20)
            var ids: [String: UUID] = [:]
            for (reference, family, street, day) in [("O-1", "Oud", "Oudeweg 1", old), ("O-2", "Geholpen", "Hulpweg 2", old),
                                                     ("O-3", "Afgewezen", "Neeweg 3", old), ("R-1", "Recent", "Nieuweweg 4", recent)] {
                ids[reference] = try await intake.receive(try Self.signal(reference, family: family, street: street, on: day, today: today),
                                                          from: housing, tenantID: tenantID).signal.caseID
            }
            // Help accepted long ago stays with the household; one declined long ago goes; one declined lately stays.
            let sql = app.db.sql
            try await sql.update(SignalCase.schema).set("status", to: "closed").set("outcome", to: "accepted_help").set("closed_on", to: old.iso)
                .where("id", .equal, try #require(ids["O-2"])).run()
            try await sql.update(SignalCase.schema).set("status", to: "closed").set("outcome", to: "declined").set("closed_on", to: old.adding(days: 10).iso)
                .where("id", .equal, try #require(ids["O-3"])).run()

            let purge = SignalPurge(db: app.db, keys: app.config.keys)
            let dry = try await purge.run(tenantID: tenantID, today: today, dryRun: true)
            #expect(Set(dry.cases.map(\.id)) == [try #require(ids["O-1"]), try #require(ids["O-3"])])
            #expect(try await SignalCase.query(on: app.db).count() == 4, "a dry run changes nothing")
            let summary = SignalsCommand.summary(dry, tenant: "Test", dryRun: true)
            #expect(summary.hasPrefix("Test: would erase 2 signal cases") && !summary.contains("Oud"))

            let done = try await purge.run(tenantID: tenantID, today: today, dryRun: false)
            #expect(done.cases.count == 2)
            #expect(Set(try await SignalCase.query(on: app.db).all().map { try $0.requireID() }) == [try #require(ids["O-2"]), try #require(ids["R-1"])])
            #expect(Set(try await Signal.query(on: app.db).all().map(\.reference)) == ["O-2", "R-1"])
            let logged = try await AccessLogEntry.query(on: app.db).filter(\.$event == "signal_case.erased").all()
            #expect(Set(logged.compactMap(\.objectID)) == [try #require(ids["O-1"]).uuidString, try #require(ids["O-3"]).uuidString])
            #expect(logged.allSatisfy { $0.subjectID == nil && $0.purpose == "retention" })
            // Nothing more to do the next day; a shorter period set by the admin takes the recent one too, a year on.
            #expect(try await purge.run(tenantID: tenantID, today: today, dryRun: false).cases.isEmpty)
            try await SignalSettings.save(SignalRules(contactWorkingDays: 5, combineDays: 30, keptMonths: 1), tenantID: tenantID, on: app.db)
            #expect(try await purge.run(tenantID: tenantID, today: today.adding(days: 20), dryRun: false).cases.map(\.id) == [try #require(ids["R-1"])])
        }
    }

    @Test func theHandlingTeamHearsOnceADayHowManyWaitTooLong() async throws {
        try await withApp { app in
            let setup = try await SignalUploadTests.setUp(app)
            let tenantID = try setup.scenario.tenant.requireID(), housing = try setup.housing.requireID()
            let triage = try await setup.scenario.professional("schuldhulp", of: setup.scenario.partner)
            // Thursday 10 December: a case of 1 December is overdue (due 8 December), one of 7 December is not (due 14 December).
            let today = CivilDay(year: 2026, month: 12, day: 10)!
            let intake = SignalIntake(db: app.db, keys: app.config.keys)
            _ = try await intake.receive(try Self.signal("L-1", family: "Laat", street: "Laatweg 1", on: CivilDay(year: 2026, month: 12, day: 1)!, today: today),
                                         from: housing, tenantID: tenantID)
            _ = try await intake.receive(try Self.signal("L-2", family: "Vroeg", street: "Vroegweg 2", on: CivilDay(year: 2026, month: 12, day: 7)!, today: today),
                                         from: housing, tenantID: tenantID)
            let now = today.start().addingTimeInterval(10 * 3600)
            let reminders = Reminders(db: app.db)
            #expect(try await reminders.outreachOverdue(tenantID: tenantID, day: today, now: now) == 1)
            #expect(try await reminders.outreachOverdue(tenantID: tenantID, day: today, now: now) == 0, "once a day")
            let notes = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.outreach_overdue").all()
            #expect(notes.count == 1 && notes.first?.subject == "1")
            let page = try await triage.get(SiteRoute.notifications.path())
            #expect(page.body.string.contains("1 signalen wachten langer dan de termijn"))
            // An attempt, even one that did not reach anyone, ends the wait.
            let caseID = try #require(try await Signal.query(on: app.db).filter(\.$reference == "L-1").first()?.caseID)
            let attempt = OutreachAttempt()
            (attempt.id, attempt.tenantID, attempt.caseID, attempt.channel, attempt.attemptedOn, attempt.reached) = (UUID(), tenantID, caseID, "letter", today.iso, false)
            (attempt.userID, attempt.createdAt) = (try #require(try await User.query(on: app.db).filter(\.$username == "schuldhulp").first()?.requireID()), Date())
            try await attempt.create(on: app.db)
            #expect(try await reminders.outreachOverdue(tenantID: tenantID, day: today.adding(days: 1), now: now.addingTimeInterval(86_400)) == 0)
        }
    }

    @Test func theAdminSetsTheRulesAndAWrongNumberKeepsWhatWasTyped() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("beheer", role: .tenantAdmin, in: tenant)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "beheer", secret: secret)
            let page = try await admin.get(SiteRoute.signalPartners.path())
            #expect(page.body.string.contains(#"name="kept_months""#) && page.body.string.contains(#"value="12""#))
            var form: [String: String] = [:]
            for kind in ArrearsKind.allCases { (form["months_\(kind.rawValue)"], form["amount_\(kind.rawValue)"], form["reminder_\(kind.rawValue)"]) = ("1", "0", "on") }
            (form["contact_working_days"], form["combine_days"], form["kept_months"]) = ("3", "45", "99")
            let refused = try await admin.post(SiteRoute.signalPartners.path(), form)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Vul een heel getal in van 1 tot en met 60."))
            #expect(refused.body.string.contains(#"value="99""#) && refused.body.string.contains(#"value="45""#), "the form keeps what was typed")
            #expect(try await SignalSettings.rules(of: try tenant.requireID(), on: app.db) == .defaults)
            form["kept_months"] = "9"
            #expect(try await admin.post(SiteRoute.signalPartners.path(), form).status == .seeOther)
            #expect(try await SignalSettings.rules(of: try tenant.requireID(), on: app.db) == SignalRules(contactWorkingDays: 3, combineDays: 45, keptMonths: 9))
        }
    }
}
