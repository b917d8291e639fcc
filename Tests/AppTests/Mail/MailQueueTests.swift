import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

/// Mail is a channel of notifications: queued with what it tells of, sent
/// later as each person chose, saying only that something waits.
@Suite("E-mail")
struct MailQueueTests {
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("samenspel-mail-\(UUID().uuidString)").path
    }

    static func delivery(_ app: Application, to transport: any MailTransport) -> MailDelivery {
        MailDelivery(db: app.db, transport: transport, composer: MailComposer(localizer: app.localizer, publicURL: "https://samenspel.example.nl", from: "Samenspel <noreply@example.nl>"))
    }

    static func setMail(_ username: String, _ preference: MailPreference?, address: String? = "werk@example.nl", on app: Application) async throws {
        let user = try await User.query(on: app.db).filter(\.$username == username).first()!
        (user.mailPreference, user.workEmail) = (preference?.rawValue, address)
        try await user.save(on: app.db)
    }

    /// Sends the referral and lets the receiver accept it: the coordinator gets a notification.
    static func acceptReferral(_ scenario: ReferralScenario) async throws {
        _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
        #expect(try await scenario.send().status == .seeOther)
        let referral = try await scenario.referral()
        #expect(try await scenario.receiver.post(SiteRoute.referralStatus.path(referral.id!),
                                                 ["status": "accepted", "outcome": "", "note": "", "version": String(referral.version), "confirm": "on"]).status == .seeOther)
    }

    @Test func anAnsweredReferralIsMailedAsItWasChosenAndNamesNobody() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            try await Self.setMail("sanne", nil, on: app)
            let partner = scenario.base.partner
            partner.intakeEmail = "aanmelding@schuldhulp.example.nl"
            try await partner.save(on: app.db)
            try await Self.acceptReferral(scenario)

            let queued = try await OutgoingMail.query(on: app.db).all()
            #expect(Set(queued.map(\.kind)) == [MailKind.referralReceived.rawValue, MailKind.referralAnswered.rawValue])
            let path = Self.folder()
            #expect(try await Self.delivery(app, to: MailFolder(path: path)).deliverDue() == 2)
            let files = try FileManager.default.contentsOfDirectory(atPath: path)
            #expect(files.count == 2 && files.allSatisfy { $0.hasSuffix(".eml") })
            let mails = try files.map { try String(contentsOfFile: "\(path)/\($0)", encoding: .utf8) }
            let decoded = mails.map(Self.decodedParts).joined()
            #expect(mails.contains { $0.contains("To: werk@example.nl") } && mails.contains { $0.contains("To: aanmelding@schuldhulp.example.nl") })
            #expect(decoded.contains("https://samenspel.example.nl/referrals/"), "a link to the referral")
            for secret in ["El Amrani", "Fatima", "Schuldhulpmaatje", "financi", "Arabisch", HouseholdScenario.bsn] {
                #expect(!decoded.contains(secret) && !mails.joined().contains(secret), "\(secret) is not in a mail")
            }
            #expect(try await OutgoingMail.query(on: app.db).all().allSatisfy { $0.sentAt != nil && $0.attempts == 1 })
            #expect(try await Self.delivery(app, to: MailFolder(path: path)).deliverDue() == 0, "sent once")
        }
    }

    @Test func whoChoseNeverOrHasNoAddressGetsNoMail() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            try await Self.setMail("sanne", .never, on: app)
            try await Self.acceptReferral(scenario)
            #expect(try await UserNotification.query(on: app.db).count() == 1, "the notification is there")
            #expect(try await OutgoingMail.query(on: app.db).count() == 0)

            try await Self.setMail("sanne", .immediately, address: nil, on: app)
            let tenantID = try scenario.base.tenant.requireID()
            let sanne = try await User.query(on: app.db).filter(\.$username == "sanne").first()!
            try await Notifications.notify(sanne.id!, tenantID: tenantID, messageKey: "notification.plan_signed", subject: "x", link: "/", on: app.db)
            #expect(try await OutgoingMail.query(on: app.db).count() == 0)
        }
    }

    @Test func aDailyDigestCountsWhatArrivedOnceADayFromSeven() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            try await Self.setMail("sanne", .daily, on: app)
            try await Self.acceptReferral(scenario)
            #expect(try await OutgoingMail.query(on: app.db).count() == 0, "nothing straight away")

            let today = CivilDay.today()
            let early = today.start().addingTimeInterval(6 * 3600), later = today.start().addingTimeInterval(8 * 3600)
            try await Reminders(db: app.db).sendDue(now: early)
            #expect(try await OutgoingMail.query(on: app.db).count() == 0, "not before seven")
            try await Reminders(db: app.db).sendDue(now: later)
            try await Reminders(db: app.db).sendDue(now: later.addingTimeInterval(60))
            let digests = try await OutgoingMail.query(on: app.db).all()
            #expect(digests.map(\.kind) == [MailKind.digest.rawValue] && digests.first?.count == 1, "one digest of one notification")
            #expect(digests.first?.link == SiteRoute.notifications.path())
        }
    }

    @Test func anOverdueReferralAndADueReviewAreRemindedOnce() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            try await Self.setMail("sanne", .immediately, on: app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            #expect(try await scenario.send().status == .seeOther)
            let referral = try await scenario.referral()
            let today = CivilDay.today()
            referral.dueOn = today.adding(days: -2).iso
            try await referral.save(on: app.db)
            let household = try await Household.find(scenario.base.householdID, on: app.db)!
            household.reviewOn = today.adding(days: -1).iso
            try await household.save(on: app.db)
            let longAgo = Household(tenantID: try scenario.base.tenant.requireID(), name: "Eerder", street: "Kerkstraat 2", postcode: "1234AB",
                                    city: "Voorbeeld", neighbourhoodCode: nil)
            longAgo.reviewOn = today.adding(days: -(Reminders.recentDays + 1)).iso
            try await longAgo.create(on: app.db)

            for _ in 0..<2 { try await Reminders(db: app.db).sendDue() }
            let notifications = try await UserNotification.query(on: app.db).all().map(\.messageKey).sorted()
            #expect(notifications == ["notification.plan_review_due", "notification.referral.overdue"], "only what fell due this week")
            #expect(try await Reminder.query(on: app.db).count() == 2, "a review due long ago is on the worklist, not reminded")
            #expect(Set(try await OutgoingMail.query(on: app.db).all().map(\.kind)) == [MailKind.referralOverdue.rawValue, MailKind.planReviewDue.rawValue])

            household.reviewOn = today.iso
            try await household.save(on: app.db)
            try await Reminders(db: app.db).sendDue()
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.plan_review_due").count() == 2, "a new date, a new reminder")
        }
    }

    @Test func aReassessmentThatFellDueIsRemindedOnceAndALaterOneIsNot() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            try await Self.setMail("sanne", .immediately, on: app)
            let today = CivilDay.today()
            let months = try await Tenant.reassessmentInterval(of: try scenario.tenant.requireID(), on: app.db)
            _ = try await scenario.store(["finances": 2], day: today.adding(months: -months).adding(days: -2).iso)
            for _ in 0..<2 { try await Reminders(db: app.db).sendDue() }
            #expect(try await UserNotification.query(on: app.db).all().map(\.messageKey) == ["notification.reassessment_due"])
            #expect(try await OutgoingMail.query(on: app.db).all().map(\.kind) == [MailKind.reassessmentDue.rawValue])

            // Assessed again since: nothing is due for the newer one yet, and the old one was reminded.
            try await UserNotification.query(on: app.db).delete()
            _ = try await scenario.store(["finances": 3], day: today.iso)
            try await Reminders(db: app.db).sendDue()
            #expect(try await UserNotification.query(on: app.db).count() == 0)
        }
    }

    @Test func aMailThatCannotBeSentIsRetriedThenParkedAndShownToTheAdmin() async throws {
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            try await Self.setMail("sanne", .immediately, on: app)
            try await Self.acceptReferral(scenario)
            // Nothing listens on port 9 of this machine: the connection is refused.
            let unreachable = SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: 9, security: .none))
            let delivery = Self.delivery(app, to: unreachable)
            var now = Date()
            #expect(try await delivery.deliverDue(now: now) == 0)
            let mail = try await OutgoingMail.query(on: app.db).first()!
            #expect(mail.attempts == 1 && mail.lastError != nil && mail.parkedAt == nil)
            #expect(abs(mail.nextAttemptAt!.timeIntervalSince(now) - 30) < 1, "tried again after 30 s")
            for _ in 0..<30 {
                now = now.addingTimeInterval(3600)
                try await delivery.deliverDue(now: now)
            }
            let parked = try await OutgoingMail.query(on: app.db).first()!
            #expect(parked.parkedAt != nil && parked.sentAt == nil && parked.nextAttemptAt == nil)

            let tenantID = try scenario.base.tenant.requireID()
            let (_, secret) = try await scenario.base.fixtures.user("beheer", role: .tenantAdmin, in: scenario.base.tenant)
            let admin = TestClient(app)
            try await scenario.base.fixtures.signIn(admin, "beheer", secret: secret)
            let page = try await admin.get(SiteRoute.outgoingMails.path())
            #expect(page.status == .ok && page.body.string.contains("Sanne") && page.body.string.contains(SiteRoute.outgoingMailRetry.path(parked.id!)))
            #expect(try await admin.post(SiteRoute.outgoingMailRetry.path(parked.id!), [:]).status == .seeOther)
            let retried = try await OutgoingMail.find(parked.id, in: tenantID, on: app.db)
            #expect(retried.parkedAt == nil && retried.attempts == 0 && retried.nextAttemptAt != nil)
            #expect(try await scenario.base.coordinator.get(SiteRoute.outgoingMails.path()).status == .forbidden, "only the tenant admin")
        }
    }

    @Test func aProfessionalChoosesHowMailReachesThem() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let page = try await scenario.coordinator.get(SiteRoute.accountPassword.path())
            #expect(page.body.string.contains("name=\"mail_preference\""))
            #expect(try await scenario.coordinator.post(SiteRoute.accountMail.path(), ["mail_preference": "daily"]).status == .seeOther)
            #expect(try await User.query(on: app.db).filter(\.$username == "sanne").first()?.preferredMail == .daily)
            #expect(try await scenario.coordinator.post(SiteRoute.accountMail.path(), ["mail_preference": "hourly"]).status == .seeOther)
            #expect(try await User.query(on: app.db).filter(\.$username == "sanne").first()?.preferredMail == .daily, "an unknown choice changes nothing")
        }
    }

    /// The text of each base64 part, decoded, for looking into.
    static func decodedParts(_ mail: String) -> String {
        mail.components(separatedBy: "\r\n\r\n").compactMap { block in
            Data(base64Encoded: block.replacingOccurrences(of: "\r\n", with: "").components(separatedBy: "--").first ?? "")
                .map { String(decoding: $0, as: UTF8.self) }
        }.joined(separator: "\n")
    }
}
