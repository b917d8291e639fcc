import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Reassessment reminders, settings, instruments and demo")
struct ReassessmentTests {
    @Test func theWorklistAsksForAReassessmentAfterTheTenantsInterval() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let fourMonthsAgo = Day.string(Date().addingTimeInterval(-122 * 86400))
            try await scenario.store(["finances": 2], day: fourMonthsAgo)
            let worklist = { try await scenario.coordinator.get("/worklist").body.string.section(from: #"id="reassessment-title""#, to: "</section>") }
            // The default is six months: not due yet.
            let before = try await worklist()
            #expect(!before.contains("Fatima El Amrani – Zelfredzaamheidsmatrix"))

            let (_, secret) = try await scenario.fixtures.user("ruben", role: .tenantAdmin, in: scenario.tenant)
            let admin = TestClient(app)
            try await scenario.fixtures.signIn(admin, "ruben", secret: secret)
            let settings = try await admin.get(SiteRoute.tenantSettings.path())
            #expect(settings.status == .ok && settings.body.string.contains(#"value="6""#))
            for bad in ["0", "37", "drie", ""] {
                let refused = try await admin.post(SiteRoute.tenantSettings.path(), ["reassessment_months": bad])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("Vul een aantal maanden in van 1 tot en met 36."))
            }
            #expect(try await admin.post(SiteRoute.tenantSettings.path(), ["reassessment_months": "3"]).status == .seeOther)
            #expect(try await Tenant.find(scenario.tenant.id, on: app.db)?.reassessmentMonths == 3)
            #expect(try await scenario.coordinator.get(SiteRoute.tenantSettings.path()).status == .forbidden)

            #expect(try await worklist().contains("Fatima El Amrani – Zelfredzaamheidsmatrix"))
            #expect(try await worklist().contains("laatste meting \(fourMonthsAgo)"))
            // A newer assessment clears the reminder.
            try await scenario.store(["finances": 3], day: Day.today())
            let after = try await worklist()
            #expect(!after.contains("laatste meting"))
        }
    }

    @Test func theReminderCountsOnlyAssessmentsTheProfessionalMaySee() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.store(["mental_health": 2], day: "2020-01-01")
            let worklist = try await scenario.coordinator.get("/worklist").body.string.section(from: #"id="reassessment-title""#, to: "</section>")
            #expect(!worklist.contains("laatste meting"))
        }
    }

    /// Households that see different domains sit in different groups of the
    /// query; a score counts only in its own household's group.
    @Test func eachHouseholdCountsOnlyItsOwnVisibleDomains() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await scenario.store(["finances": 2], day: "2020-01-01")
            let other = UUID()
            func found(_ visible: [UUID: Set<LifeDomain>]) async throws -> Int {
                try await ReassessmentReminders.latestProfessional(visible: visible, lastOnOrBefore: Day.today(), tenantID: try scenario.tenant.requireID(), on: app.db).count
            }
            #expect(try await found([scenario.householdID: [.finances], other: [.mentalHealth]]) == 1)
            #expect(try await found([scenario.householdID: [.mentalHealth], other: [.finances]]) == 0)
            #expect(try await found([scenario.householdID: [.mentalHealth, .finances], other: [.finances]]) == 1)
            #expect(try await found([scenario.householdID: [], other: [.finances]]) == 0)
        }
    }

    @Test func monthsAreCalendarMonths() {
        #expect(Day.adding(months: 6, to: "2026-01-12") == "2026-07-12")
        #expect(Day.adding(months: 1, to: "2026-01-31") == "2026-02-28")
        #expect(Day.adding(months: 12, to: "2026-03-29") == "2027-03-29")
        #expect(Day.adding(months: 1, to: "nonsense") == nil)
    }

    /// The worklist asks the database only for assessments on or before
    /// `latestDue`; that must be exactly the days `adding` makes due today.
    @Test func theLatestDueDayIsExactlyWhereAReassessmentFallsDue() throws {
        #expect(Day.latestDue(months: 6, today: "2027-02-28") == "2026-08-31")
        #expect(Day.latestDue(months: 1, today: "2026-03-30") == "2026-02-28")
        #expect(Day.latestDue(months: 6, today: "2026-07-12") == "2026-01-12")
        #expect(Day.latestDue(months: 6, today: "nonsense") == nil)
        let start = try #require(Day.start(of: "2025-12-01"))
        let todays = (0..<92).map { Day.string(start.addingTimeInterval(Double($0) * 86400 + 7200)) }
        let assessed = (0..<500).map { Day.string(start.addingTimeInterval(Double($0 - 430) * 86400 + 7200)) }
        for months in [1, 6, 12] {
            for today in todays {
                let cutoff = try #require(Day.latestDue(months: months, today: today))
                for day in assessed {
                    #expect((day <= cutoff) == (Day.adding(months: months, to: day)! <= today), "\(day) + \(months) months, today \(today)")
                }
            }
        }
    }

    @Test func aMalformedInstrumentFileStopsStartUpNamingTheFile() throws {
        let directory = NSTemporaryDirectory() + "instruments-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/Instruments/participation-ladder.json")
        try FileManager.default.copyItem(atPath: shipped.path, toPath: directory + "/participation-ladder.json")
        #expect(try InstrumentLibrary.load(from: directory).instruments.map(\.id) == ["participation-ladder"])
        let broken = try String(contentsOfFile: shipped.path, encoding: .utf8).replacingOccurrences(of: "\"social_participation\"", with: "\"happiness\"")
            .replacingOccurrences(of: "\"participation-ladder\"", with: "\"happiness-ladder\"")
        try broken.write(toFile: directory + "/happiness-ladder.json", atomically: true, encoding: .utf8)
        let problem = #expect(throws: InstrumentProblem.self) { try InstrumentLibrary.load(from: directory) }
        #expect(problem?.file == "happiness-ladder.json")
        #expect(problem?.problem.contains("unknown life domain \"happiness\"") == true)
    }

    @Test func theDemoHouseholdHasAssessmentsOverTime() async throws {
        try await withApp { app in
            try await DemoTenant.seed(app: app)
            try await DemoTenant.seed(app: app)
            #expect(try await Assessment.query(on: app.db).count() == DemoAssessments.occasions.count)
            #expect(try await Assessment.query(on: app.db).filter(\.$source == "self").count() == 2)
            #expect(try await AssessmentScore.query(on: app.db).count() == DemoAssessments.occasions.map { $0.3.count }.reduce(0, +))
        }
    }
}
