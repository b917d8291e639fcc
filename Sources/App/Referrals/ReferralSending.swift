import Domain
import Fluent
import Vapor

/// Creating a referral from a goal: checks who may share what with whom,
/// then writes the referral, its first history step and the access-log
/// entry in one transaction.
struct ReferralSending {
    struct Input {
        var serviceID: String?
        var organizationID: String?
        var domains: [String]
        var message: String?
        var send: Bool
    }

    /// Either the new referral, or what is wrong (all issues at once; the
    /// missing-consent domains named so the professional knows what to ask).
    enum Outcome {
        case created(Referral)
        case invalid([ValidationIssue], missingConsent: Set<LifeDomain>)
    }

    static let maximumMessage = 4000

    let context: Context
    var actor: Actor { context.actor }

    func send(_ input: Input, goal: Goal, opened: ResidentAccess.Opened, redirectedFrom: Referral? = nil) async throws -> Outcome {
        var validator = FormValidator()
        guard let goalDomain = goal.lifeDomain, let organizationID = actor.organizationID else { throw AppError.forbidden }
        let domains = Set(input.domains.compactMap(LifeDomain.init(rawValue:))).union([goalDomain])
        // You cannot share what you may not see yourself.
        if domains.contains(where: { !opened.allows(.write($0)) }) { validator.add("domains", "referral.domain_not_yours") }
        let message = validator.text("message", input.message, maxLength: Self.maximumMessage, allowLineBreaks: true)
        let target: ReferralTarget?
        switch try await ReferralTarget.resolve(serviceID: input.serviceID, organizationID: input.organizationID, actor: actor, on: context.db) {
        case .success(let resolved): target = resolved
        case .failure(let issue): target = nil; validator.add(issue.field, issue.messageKey)
        }
        let householdID = try opened.household.requireID()
        var missing: Set<LifeDomain> = []
        if let target {
            missing = try await target.domainsWithoutConsent(domains, householdID: householdID, tenantID: actor.tenantID, on: context.db)
            if !missing.isEmpty { validator.add("domains", "referral.no_consent") }
        }
        guard validator.isValid, let target, let message else { return .invalid(validator.issues, missingConsent: missing) }

        let referral = Referral(
            tenantID: actor.tenantID, householdID: householdID, goalID: try goal.requireID(), domains: domains,
            requesterOrganizationID: organizationID, requesterUserID: actor.userID, receiverOrganizationID: target.receiverID,
            serviceID: target.service?.id, messageEncrypted: try FieldCipher(key: context.keys.field).seal(message)
        )
        referral.redirectedFromID = redirectedFrom?.id
        if input.send { Self.markSent(referral, responseDays: target.responseDays, today: context.today) }
        try await context.db.transaction { tx in
            try await referral.create(on: tx)
            try await ReferralEvent(
                tenantID: actor.tenantID, referralID: referral.requireID(), from: nil, to: referral.referralStatus,
                outcome: nil, userID: actor.userID, organizationID: organizationID
            ).create(on: tx)
            try await context.audit(
                "referral.\(referral.status)", outcome: .success, basis: opened.basis,
                subjectID: householdID, purpose: "detail:\(goalDomain.rawValue)", objectType: "referral", objectID: referral.id?.uuidString, on: tx
            )
            try await EventOutbox.record(.referralCreated, object: referral.requireID(), path: SiteRoute.apiReferralFHIR.path(referral.requireID()),
                                         data: ["status": referral.status], tenantID: actor.tenantID, publicURL: context.publicURL, on: tx)
            if referral.referralStatus == .requested { try await MailQueue.referralReceived(referral, on: tx) }
        }
        return .created(referral)
    }

    /// Requested today, to be answered within `responseDays` working days.
    static func markSent(_ referral: Referral, responseDays: Int, today: String) {
        referral.status = ReferralStatus.requested.rawValue
        referral.sentOn = today
        referral.dueOn = WorkingDays.add(responseDays, to: today)
    }
}
