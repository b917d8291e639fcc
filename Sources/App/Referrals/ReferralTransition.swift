import Domain
import Fluent
import Vapor

/// Moving a referral along the workflow: the rule is `ReferralWorkflow`;
/// this writes the step, its side effects (the receiver joins the team on
/// accepting) and the sender's notification together.
struct ReferralTransition {
    enum Outcome {
        case done
        case refused(messageKey: String)
        /// Someone else moved it first; the page shows where it is now.
        case conflict
    }

    let context: Context
    var actor: Actor { context.actor }

    static let maximumNote = 1000

    func apply(_ referral: Referral, goal: Goal, in opened: ResidentAccess.Opened, to next: ReferralStatus, outcome: ReferralOutcome?,
               note: String? = nil, expectedVersion: Int) async throws -> Outcome {
        guard let party = referral.party(of: actor.organizationID), let organizationID = actor.organizationID else { throw AppError.forbidden }
        let from = referral.referralStatus
        if let refusal = ReferralWorkflow.check(from: from, to: next, by: party, outcome: outcome) {
            return .refused(messageKey: Self.messageKey(refusal))
        }
        let referralID = try referral.requireID()
        let today = context.today
        var joinsTeam: Involvement?
        var widens: Involvement?
        if next == .accepted {
            let receiver = try await Organization.find(referral.receiverOrganizationID, in: referral.tenantID, on: context.db)
            let target = ReferralTarget(receiver: receiver, service: nil)
            let missing = try await target.domainsWithoutConsent(referral.lifeDomains, householdID: referral.householdID, tenantID: referral.tenantID, on: context.db)
            guard missing.isEmpty else { return .refused(messageKey: "referral.consent_gone") }
            // Already on the team: its place there covers the referral's domains too, never a second row.
            if let existing = try await opened.activeInvolvement(of: try receiver.requireID(), on: context.db) {
                if !existing.lifeDomains.isSuperset(of: referral.lifeDomains) {
                    existing.domains = LifeDomain.encode(existing.lifeDomains.union(referral.lifeDomains))
                    widens = existing
                }
            } else {
                joinsTeam = Involvement(tenantID: referral.tenantID, householdID: referral.householdID, organizationID: try receiver.requireID(),
                                        domains: referral.lifeDomains, isCoordinator: false, startsOn: today, contactUserID: actor.userID)
            }
        }
        let (sentOn, dueOn) = try await deadline(referral, from: from, to: next, today: today)
        let newInvolvement = joinsTeam, widened = widens
        let landed = try await context.db.transaction { tx -> Bool in
            let saved = try await tx.sql.updateVersioned(Referral.schema, id: referralID, in: referral.tenantID, expectedVersion: expectedVersion) {
                $0.set("status", to: next.rawValue).set("outcome", to: outcome?.rawValue).set("sent_on", to: sentOn).set("due_on", to: dueOn)
            }
            guard saved else { return false }
            try await newInvolvement?.create(on: tx)
            if let widened {
                try await widened.save(on: tx)
                try await context.auditChange("involvement.widened", in: opened, objectType: "involvement", objectID: widened.id?.uuidString, on: tx)
            }
            let event = ReferralEvent(tenantID: referral.tenantID, referralID: referralID, from: from, to: next, outcome: outcome,
                                      userID: actor.userID, organizationID: organizationID)
            event.noteEncrypted = try note.map { try context.cipher.seal($0) }
            try await event.create(on: tx)
            try await context.audit("referral.\(next.rawValue)", outcome: .success, basis: opened.basis, subjectID: referral.householdID,
                                purpose: "detail:\(goal.domain)", objectType: "referral", objectID: referralID.uuidString, on: tx)
            try await EventOutbox.record(.referralStatusChanged, object: referralID, path: SiteRoute.apiReferralFHIR.path(referralID),
                                         data: ["status": next.rawValue], tenantID: referral.tenantID, publicURL: context.publicURL, on: tx)
            if next == .requested { try await MailQueue.referralReceived(referral, on: tx) }
            if actor.userID != referral.requesterUserID {
                let subject = try await ReferralView.targetName(referral, on: tx)
                try await Notifications.notify(referral.requesterUserID, tenantID: referral.tenantID, messageKey: "notification.referral.\(next.rawValue)",
                                               subject: subject, link: SiteRoute.referral.path(referralID), on: tx)
            }
            return true
        }
        return landed ? .done : .conflict
    }

    /// Sending a draft starts the response clock; other steps keep it.
    private func deadline(_ referral: Referral, from: ReferralStatus, to next: ReferralStatus, today: String) async throws -> (String?, String?) {
        guard from == .draft, next == .requested else { return (referral.sentOn, referral.dueOn) }
        let days = try await referral.serviceID.asyncFlatMap { try await Service.find($0, in: referral.tenantID, on: context.db).responseDays } ?? 5
        return (today, WorkingDays.add(days, to: today))
    }

    static func messageKey(_ refusal: ReferralWorkflow.Refusal) -> String {
        switch refusal {
        case .notAllowed: "referral.transition_not_allowed"
        case .wrongParty: "referral.transition_other_party"
        case .outcomeRequired: "referral.outcome_required"
        }
    }
}
