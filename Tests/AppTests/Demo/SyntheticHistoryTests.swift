import Domain
import Fluent
import Foundation
import Testing
import Vapor
@testable import App

/// The synthetic municipality has two years of plausible history: plans
/// that start all year (more in winter than in summer), end and sometimes
/// return; referrals answered after a realistic number of working days, some
/// after a few desks; reassessments; nothing in the future and every step in
/// order; and a monitor with figures across the months.
@Suite("Synthetic history")
struct SyntheticHistoryTests {
    static var today: CivilDay { CivilDay.today(in: Day.timeZone) }

    /// The district teams' involvements: one per plan.
    static func plans(_ app: Application) async throws -> [Involvement] {
        try await Involvement.query(on: app.db).filter(\.$isCoordinator == true).filter(\.$contactUserID != nil).all()
    }

    @Test func plansStartAllYearWithMoreIntakesInWinterThanInSummer() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 600, seed: 21)
            let window = Period.containing(Self.today, .month).advanced(by: -23).firstDay
            let starts = try await Self.plans(app).compactMap { CivilDay($0.startsOn) }.filter { $0 >= window }
            let today = Self.today
            let future = starts.filter { !($0 <= today) }
            #expect(future.isEmpty, "plans start in the future: \(future)")
            let months = Set(starts.map { Period.containing($0, .month) })
            #expect(months.count >= 20, "plans started in only \(months.count) of the last 24 months")
            // Each calendar month occurs twice in the window: compare intakes per month.
            let winter = Double(starts.filter { [1, 2, 3, 9, 10, 11].contains($0.month) }.count) / 6
            let summer = Double(starts.filter { [7, 8].contains($0.month) }.count) / 2
            #expect(winter > summer * 1.4, "winter \(winter) a month, summer \(summer)")
        }
    }

    @Test func plansEndAndSomeHouseholdsComeBackWithinAYear() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 600, seed: 22)
            let byHousehold = Dictionary(grouping: try await Self.plans(app), by: \.householdID)
            let firsts = byHousehold.values.compactMap { $0.min { $0.startsOn < $1.startsOn } }
            let ended = firsts.filter { $0.endsOn != nil }
            #expect(ended.count * 100 / firsts.count >= 30, "\(ended.count) of \(firsts.count) plans ended")
            let today = Self.today.iso
            let odd = ended.filter { !($0.startsOn < $0.endsOn! && $0.endsOn! < today) }.map { "\($0.startsOn)–\($0.endsOn!)" }
            #expect(odd.isEmpty, "plans ending before they start or after today: \(odd)")
            let returned = byHousehold.values.filter { plans in
                let sorted = plans.sorted { $0.startsOn < $1.startsOn }
                guard sorted.count == 2, let end = sorted[0].endsOn.flatMap(CivilDay.init), let again = CivilDay(sorted[1].startsOn) else { return false }
                return end < again && end.days(until: again) <= FactExtraction.reEntryDays
            }
            #expect(returned.count >= 3 && returned.count * 100 / ended.count <= 25, "\(returned.count) of \(ended.count) came back")
        }
    }

    @Test func referralsAreMostlyAnsweredWithinFiveWorkingDaysWithATail() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 600, seed: 23)
            let events = Dictionary(grouping: try await ReferralEvent.query(on: app.db).all(), by: \.referralID)
            let answers = ["accepted", "rejected"]
            var days: [Int] = [], overdue = 0
            let today = Self.today.iso
            for referral in try await Referral.query(on: app.db).filter(\.$sentOn != nil).all() {
                guard let sent = referral.sentOn.flatMap(CivilDay.init), let due = referral.dueOn else { continue }
                if let answer = events[referral.id!]?.filter({ answers.contains($0.toStatus) }).min(by: { $0.occurredAt < $1.occurredAt }) {
                    let day = CivilDay.of(answer.occurredAt, in: Day.timeZone)
                    days.append((0..<sent.days(until: day)).filter { WorkingDays.isWorkingDay(sent.adding(days: $0 + 1)) }.count)
                    if day.iso > due { overdue += 1 }
                } else if referral.status == "requested", today > due {
                    overdue += 1
                }
            }
            days.sort()
            #expect(days.count >= 50)
            #expect(days.first! >= 1)
            #expect(days[days.count / 2] <= 5, "median \(days[days.count / 2]) working days")
            #expect(days.last! >= 15, "the slowest answer took \(days.last!) working days")
            #expect(overdue > 0 && overdue * 2 < days.count, "\(overdue) overdue of \(days.count)")
        }
    }

    @Test func someHouseholdsTryOtherDesksBeforeOneTakesThemOn() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 600, seed: 24)
            let referrals = try await Referral.query(on: app.db).all()
            let byID = Dictionary(uniqueKeysWithValues: referrals.map { ($0.id!, $0) })
            let redirected = referrals.filter { $0.redirectedFromID != nil }
            #expect(redirected.count >= 5)
            for referral in redirected {
                let before = try #require(byID[referral.redirectedFromID!])
                #expect(before.status == "rejected" && before.householdID == referral.householdID && before.domains == referral.domains)
                #expect(before.receiverOrganizationID != referral.receiverOrganizationID)
                let (first, then) = (before.sentOn ?? "", referral.sentOn ?? "")
                #expect(!first.isEmpty && first <= then)
            }
            // Some chains end at a desk that took the household on.
            let helped = redirected.filter { ["accepted", "in-progress", "completed", "on-hold", "failed"].contains($0.status) }
            #expect(!helped.isEmpty)
        }
    }

    @Test func nothingIsInTheFutureAndEveryStepFollowsTheOneBefore() async throws {
        try await withApp { app in
            let now = Date()
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 400, seed: 25)
            let later = Date(), today = Self.today.iso
            Self.checkReferrals(try await Referral.query(on: app.db).all(), events: try await ReferralEvent.query(on: app.db).all(), today: today, later: later)
            Self.checkPlans(goals: try await Goal.query(on: app.db).all(), involvements: try await Involvement.query(on: app.db).all(),
                            consents: try await Consent.query(on: app.db).all(), today: today, now: now, later: later)
            // The hand-made demo household was recorded today; only the generated history is backdated.
            let demo = try #require(try await Resident.query(on: app.db).filter(\.$userID != nil).first()?.householdID)
            Self.checkAssessments(try await Assessment.query(on: app.db).filter(\.$householdID != demo).all(), versions: try await PlanVersion.query(on: app.db).all(), today: today, later: later)
        }
    }

    static func checkReferrals(_ referrals: [Referral], events: [ReferralEvent], today: String, later: Date) {
        let future = events.filter { !($0.occurredAt <= later) }
        #expect(future.isEmpty, "\(future.count) referral events in the future")
        let byReferral = Dictionary(grouping: events, by: \.referralID).mapValues { $0.sorted { $0.occurredAt < $1.occurredAt } }
        for steps in byReferral.values {
            #expect(steps.first?.fromStatus == nil)
            let pairs = Array(zip(steps, steps.dropFirst()))
            let broken = pairs.filter { !($1.fromStatus == $0.toStatus && $0.occurredAt < $1.occurredAt) }.map { "\($0.toStatus)→\($1.fromStatus ?? "-")" }
            #expect(broken.isEmpty, "steps out of order: \(broken)")
        }
        for referral in referrals {
            let steps = byReferral[referral.id!] ?? []
            #expect(referral.status == steps.last?.toStatus)
            #expect((referral.sentOn ?? today) <= today)
            if let sent = referral.sentOn, let first = steps.first { #expect(Day.string(first.occurredAt) == sent) }
            #expect(referral.createdAt! <= referral.updatedAt! && referral.updatedAt! <= later)
        }
    }

    static func checkPlans(goals: [Goal], involvements: [Involvement], consents: [Consent], today: String, now: Date, later: Date) {
        let oddGoals = goals.filter { !($0.createdAt! <= $0.updatedAt! && $0.updatedAt! <= later) }
        #expect(oddGoals.isEmpty, "\(oddGoals.count) goals changed before they were set, or in the future")
        let halfAYearAgo = now.addingTimeInterval(-180 * 86_400)
        let closedLongAgo = goals.filter { $0.status != "open" && $0.updatedAt! < halfAYearAgo }
        #expect(!closedLongAgo.isEmpty)
        let oddInvolvements = involvements.filter { !($0.startsOn <= today && $0.createdAt! <= $0.updatedAt! && $0.updatedAt! <= later) }
        #expect(oddInvolvements.isEmpty, "\(oddInvolvements.count) involvements in the future or changed before they began")
        let backwards = involvements.filter { !(($0.endsOn ?? "9999") > $0.startsOn) }
        #expect(backwards.isEmpty, "\(backwards.count) involvements end before they start")
        let oddConsents = consents.filter { !($0.validFrom <= today && $0.createdAt! <= later && ($0.withdrawnAt ?? now) <= later) }
        #expect(oddConsents.isEmpty, "\(oddConsents.count) consents in the future")
    }

    static func checkAssessments(_ assessments: [Assessment], versions: [PlanVersion], today: String, later: Date) {
        let oddAssessments = assessments.filter { !($0.assessedOn <= today && $0.createdAt! <= later && Day.string($0.createdAt!) == $0.assessedOn) }
        let odd = oddAssessments.map { "\($0.assessedOn) recorded \($0.createdAt!)" }
        #expect(odd.isEmpty, "\(odd)")
        // Reassessed every three to six months: residents with three or more rounds.
        let rounds = Dictionary(grouping: assessments.filter { $0.source == "professional" && $0.instrumentID == "self-sufficiency-matrix" }, by: \.residentID)
        let reassessed = rounds.values.filter { $0.count >= 3 }.count
        #expect(reassessed >= 10, "\(reassessed) residents assessed three times or more")
        let futureVersions = versions.filter { !($0.signedAt <= later) }
        #expect(versions.count >= 50 && futureVersions.isEmpty, "\(versions.count) versions, \(futureVersions.count) in the future")
        for signed in Dictionary(grouping: versions, by: \.householdID).values {
            let byNumber = signed.sorted { $0.number < $1.number }
            let pairs = Array(zip(byNumber, byNumber.dropFirst()))
            let unordered = pairs.filter { !($0.signedAt < $1.signedAt) }
            #expect(unordered.isEmpty, "versions signed out of order")
        }
    }

    @Test func theMonitorShowsFiguresAcrossTheTwoYears() async throws {
        try await withApp { app in
            _ = try await SyntheticMunicipalityTests.generate(app, residents: 600, seed: 26)
            let tenantID = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id)
            try await app.monitorRefresher(tenantID: tenantID).run(.refresh)
            let reader = MonitorReader(db: app.db, tenantID: tenantID)
            let current = Period.containing(Self.today, .month)
            let months = (0..<24).map { current.advanced(by: -$0) }
            func shown(_ id: String) async throws -> [Double] {
                let indicator = try #require(app.indicators[id])
                return try await reader.figures(indicator, periods: months, filter: nil).values.compactMap(\.value)
            }
            let active = try await shown("households-with-active-plan")
            #expect(active.count >= 22, "active plans shown in \(active.count) months")
            #expect(active.max()! > active.min()!, "active plans are flat")
            for id in ["new-plans", "assessments-done", "referrals-sent"] {
                let figures = try await shown(id)
                #expect(figures.count >= 12, "\(id) shown in \(figures.count) months")
            }
            // Quarters carry the shares and medians, whose base must reach ten.
            let quarters = (0..<8).map { Period.containing(Self.today, .quarter).advanced(by: -$0) }
            for id in ["plans-co-signed", "goals-achieved", "referral-answer-working-days"] {
                let indicator = try #require(app.indicators[id])
                let figures = try await reader.figures(indicator, periods: quarters, filter: nil).values.compactMap(\.value)
                #expect(figures.count >= 4, "\(id) shown in \(figures.count) quarters")
            }
        }
    }
}
