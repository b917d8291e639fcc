import Domain
import Fluent
import Foundation
import SQLKit

/// What fell due becomes a notification (and so a mail, as each person
/// chose): a referral not answered in time, a plan whose review date came,
/// and each daily digest. Each reminder is recorded with its due day, so it
/// is given once whichever server finds it first, and again only when the
/// date moves.
struct Reminders {
    let db: any Database
    /// At most this many of each kind per round: a first run on a large city
    /// catches up over a few rounds rather than in one long transaction.
    static let batchSize = 200
    /// Only what fell due this recently is reminded: what is older shows on
    /// the worklist already, and a first run on years of data sends no flood.
    static let recentDays = 7
    /// Daily digests go from this hour, local time.
    static let digestHour = 7

    /// Gives every reminder due in every tenant; returns how many.
    @discardableResult
    func sendDue(now: Date = Date()) async throws -> Int {
        let day = CivilDay.today(now: now)
        let (today, since) = (day.iso, day.adding(days: -Self.recentDays).iso)
        var given = 0
        for tenant in try await Tenant.query(on: db).all() {
            let tenantID = try tenant.requireID()
            given += try await overdueReferrals(tenantID: tenantID, today: today, since: since, now: now)
            given += try await reviewsDue(tenantID: tenantID, day: day, since: since, now: now)
            given += try await reassessmentsDue(tenantID: tenantID, day: day, now: now)
            given += try await appointmentsTomorrow(tenantID: tenantID, day: day, now: now)
            given += try await outreachOverdue(tenantID: tenantID, day: day, now: now)
            given += try await digests(tenantID: tenantID, now: now)
        }
        return given
    }

    /// The requester hears that the receiver has not answered; the receiver's intake is reminded.
    func overdueReferrals(tenantID: UUID, today: String, since: String, now: Date) async throws -> Int {
        var given = 0
        for organization in try await Organization.select(in: tenantID, on: db) {
            let overdue = try await Referral.select(in: tenantID, where: """
                receiver_organization_id = \(bind: try organization.requireID()) AND status = \(bind: ReferralStatus.requested.rawValue)
                AND due_on < \(bind: today) AND due_on >= \(bind: since)
                AND NOT EXISTS (SELECT 1 FROM reminders m WHERE m.tenant_id = referrals.tenant_id AND m.kind = \(bind: MailKind.referralOverdue.rawValue)
                                AND m.object_id = referrals.id AND m.due_on = referrals.due_on)
                """, orderBy: "due_on", limit: Self.batchSize, on: db)
            for referral in overdue {
                let referralID = try referral.requireID()
                given += try await once(.referralOverdue, objectID: referralID, dueOn: referral.dueOn ?? today, tenantID: tenantID, now: now) { tx in
                    let link = SiteRoute.referral.path(referralID)
                    try await Notifications.notify(referral.requesterUserID, tenantID: tenantID, messageKey: "notification.referral.overdue",
                                                   subject: try await ReferralView.targetName(referral, on: tx), link: link, on: tx)
                    try await MailQueue.toIntake(of: referral.receiverOrganizationID, kind: .referralOverdue, link: link, tenantID: tenantID, on: tx, now: now)
                }
            }
        }
        return given
    }

    /// The coordinator's contact person hears that a plan's review date came.
    func reviewsDue(tenantID: UUID, day: CivilDay, since: String, now: Date) async throws -> Int {
        let today = day.iso
        var given = 0
        let due = try await Household.select(in: tenantID, where: """
            review_on <= \(bind: today) AND review_on >= \(bind: since)
            AND NOT EXISTS (SELECT 1 FROM reminders m WHERE m.tenant_id = households.tenant_id AND m.kind = \(bind: MailKind.planReviewDue.rawValue)
                            AND m.object_id = households.id AND m.due_on = households.review_on)
            """, orderBy: "review_on", limit: Self.batchSize, on: db)
        for household in due {
            let householdID = try household.requireID()
            given += try await once(.planReviewDue, objectID: householdID, dueOn: household.reviewOn ?? today, tenantID: tenantID, now: now) { tx in
                try await Self.tellCoordinator(of: householdID, tenantID: tenantID, day: day, "notification.plan_review_due", on: tx)
            }
        }
        return given
    }

    /// The coordinator's contact person hears that a member is due for a
    /// reassessment: the latest professional assessment with an instrument
    /// is the tenant's interval old (fell due this week, as the worklist shows it).
    func reassessmentsDue(tenantID: UUID, day: CivilDay, now: Date) async throws -> Int {
        let months = try await Tenant.reassessmentInterval(of: tenantID, on: db)
        let (from, through) = (day.adding(days: -Self.recentDays).adding(months: -months), day.adding(months: -months))
        let due = try await Assessment.select(in: tenantID, where: """
            source = \(bind: AssessmentSource.professional.rawValue) AND assessed_on > \(bind: from.iso) AND assessed_on <= \(bind: through.iso)
            AND NOT EXISTS (SELECT 1 FROM assessments later WHERE later.tenant_id = assessments.tenant_id AND later.household_id = assessments.household_id
                            AND later.resident_id = assessments.resident_id AND later.instrument_id = assessments.instrument_id
                            AND later.source = assessments.source AND later.assessed_on > assessments.assessed_on)
            AND NOT EXISTS (SELECT 1 FROM reminders m WHERE m.tenant_id = assessments.tenant_id AND m.kind = \(bind: MailKind.reassessmentDue.rawValue)
                            AND m.object_id = assessments.id)
            """, orderBy: "assessed_on", limit: Self.batchSize, on: db)
        var given = 0
        for assessment in due {
            let householdID = assessment.householdID
            let dueOn = CivilDay(assessment.assessedOn)?.adding(months: months).iso ?? day.iso
            given += try await once(.reassessmentDue, objectID: try assessment.requireID(), dueOn: dueOn, tenantID: tenantID, now: now) { tx in
                try await Self.tellCoordinator(of: householdID, tenantID: tenantID, day: day, "notification.reassessment_due", on: tx)
            }
        }
        return given
    }

    /// Once a day from `digestHour`: those who chose a digest hear how many
    /// notifications arrived since the last one, if any did.
    func digests(tenantID: UUID, now: Date) async throws -> Int {
        let day = CivilDay.today(now: now)
        let from = day.start().addingTimeInterval(TimeInterval(Self.digestHour * 3600))
        guard now >= from else { return 0 }
        var given = 0
        let waiting = try await User.select(in: tenantID, where: """
            mail_preference = \(bind: MailPreference.daily.rawValue) AND is_active = \(bind: true) AND (mail_digest_at IS NULL OR mail_digest_at < \(bind: from))
            """, limit: Self.batchSize, on: db)
        for user in waiting where user.hasMailAddress {
            let userID = try user.requireID()
            let since = user.mailDigestAt ?? now.addingTimeInterval(-24 * 3600)
            given += try await once(.digest, objectID: userID, dueOn: day.description, tenantID: tenantID, now: now) { tx in
                try await User.scoped(to: tenantID, on: tx).filter(\.$id == userID).set(\.$mailDigestAt, to: now).update()
                let count = try await Notifications.unreadCount(userID: userID, tenantID: tenantID, since: since, on: tx)
                guard count > 0 else { return }
                try await OutgoingMail(tenantID: tenantID, to: .user(userID), kind: .digest, link: SiteRoute.notifications.path(), count: count, at: now).create(on: tx)
            }
        }
        return given
    }

    /// The contact person of the household's coordinating organisation; the
    /// notification names the household and leads to its page.
    static func tellCoordinator(of householdID: UUID, tenantID: UUID, day: CivilDay, _ messageKey: String, on db: any Database) async throws {
        let lead = try await Involvement.select(in: tenantID, where: "household_id = \(bind: householdID) AND is_coordinator = \(bind: true)", on: db)
            .first { $0.isActive(on: day.iso) }
        guard let userID = lead?.contactUserID,
              let household = try await Household.select(in: tenantID, where: "id = \(bind: householdID)", limit: 1, on: db).first else { return }
        try await Notifications.notify(userID, tenantID: tenantID, messageKey: messageKey, subject: household.name,
                                       link: SiteRoute.household.path(householdID), on: db)
    }

    /// Everyone on the team taking part hears, the day before, of an
    /// appointment that still stands; again only when it moves to another day.
    func appointmentsTomorrow(tenantID: UUID, day: CivilDay, now: Date) async throws -> Int {
        let tomorrow = day.adding(days: 1)
        var given = 0
        let due = try await Appointment.select(in: tenantID, where: """
            starts_at >= \(bind: tomorrow.start()) AND starts_at < \(bind: tomorrow.adding(days: 1).start())
            AND status IN (\(binds: [AppointmentStatus.proposed.rawValue, AppointmentStatus.confirmed.rawValue]))
            AND NOT EXISTS (SELECT 1 FROM reminders m WHERE m.tenant_id = appointments.tenant_id AND m.kind = \(bind: MailKind.appointmentTomorrow.rawValue)
                            AND m.object_id = appointments.id AND m.due_on = \(bind: tomorrow.iso))
            """, orderBy: "starts_at", limit: Self.batchSize, on: db)
        for appointment in due {
            let appointmentID = try appointment.requireID()
            given += try await once(.appointmentTomorrow, objectID: appointmentID, dueOn: tomorrow.iso, tenantID: tenantID, now: now) { tx in
                let name = try await Household.select(in: tenantID, where: "id = \(bind: appointment.householdID)", limit: 1, on: tx).first?.name ?? ""
                for attendee in try await AppointmentAttendee.select(in: tenantID, where: "appointment_id = \(bind: appointmentID)", on: tx) {
                    try await Notifications.notify(attendee.userID, tenantID: tenantID, messageKey: "notification.appointment_tomorrow", subject: name,
                                                   link: SiteRoute.appointment.path(appointment.householdID, appointmentID), on: tx)
                }
            }
        }
        return given
    }

    /// Once a day, each team that handles signals hears how many cases wait
    /// longer than the tenant's target for a first contact attempt: its
    /// professionals by notification, its intake address by mail — a count,
    /// never who.
    func outreachOverdue(tenantID: UUID, day: CivilDay, now: Date) async throws -> Int {
        let through = try await SignalSettings.rules(of: tenantID, on: db).overdueThrough(today: day)
        let row = try await db.sql.raw("""
            SELECT COUNT(*) AS waiting FROM signal_cases c WHERE c.tenant_id = \(bind: tenantID) AND c.status = \(bind: SignalCaseStatus.received.rawValue)
            AND c.first_signalled_on <= \(bind: through.iso)
            AND NOT EXISTS (SELECT 1 FROM outreach_attempts a WHERE a.tenant_id = c.tenant_id AND a.case_id = c.id)
            """).first()
        let waiting = try row?.decode(column: "waiting", as: Int.self) ?? 0
        guard waiting > 0 else { return 0 }
        var given = 0
        for team in try await Organization.select(in: tenantID, where: "handles_signals = \(bind: true)", on: db) {
            let teamID = try team.requireID()
            given += try await once(.outreachOverdue, objectID: teamID, dueOn: day.iso, tenantID: tenantID, now: now) { tx in
                for user in try await User.select(in: tenantID, where: "organization_id = \(bind: teamID) AND is_active = \(bind: true)", on: tx)
                where user.role == Role.professional.rawValue {
                    try await Notifications.notify(try user.requireID(), tenantID: tenantID, messageKey: "notification.outreach_overdue", subject: String(waiting),
                                                   link: SiteRoute.signalCases.path(), on: tx)
                }
                if !(team.intakeEmail ?? "").isEmpty {
                    try await OutgoingMail(tenantID: tenantID, to: .organization(teamID), kind: .outreachOverdue, link: SiteRoute.signalCases.path(),
                                           count: waiting, at: now).create(on: tx)
                }
            }
        }
        return given
    }

    /// Records the reminder and does `give` in one transaction; nothing if
    /// another server recorded it first.
    private func once(_ kind: MailKind, objectID: UUID, dueOn: String, tenantID: UUID, now: Date, give: @escaping @Sendable (any Database) async throws -> Void) async throws -> Int {
        try await db.transaction { tx in
            let recorded = try await tx.sql.insert(into: Reminder.schema)
                .columns("tenant_id", "id", "kind", "object_id", "due_on", "created_at")
                .values(SQLBind(tenantID), SQLBind(UUID()), SQLBind(kind.rawValue), SQLBind(objectID), SQLBind(dueOn), SQLBind(now))
                .ignoringConflicts(with: ["tenant_id", "kind", "object_id", "due_on"]).returning("id").first() != nil
            if recorded { try await give(tx) }
            return recorded ? 1 : 0
        }
    }
}
