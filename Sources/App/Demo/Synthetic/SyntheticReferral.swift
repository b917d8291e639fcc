import Domain
import Foundation

/// A referral from the coordinating team to a partner, in any status, with
/// the history that led there; accepted ones put the partner on the team.
enum SyntheticReferral {
    /// The steps a referral took to reach its status, and the outcome it closed with.
    static let paths: [(ReferralStatus, [ReferralStatus], ReferralOutcome?)] = [
        (.draft, [.draft], nil),
        (.requested, [.requested], nil),
        (.accepted, [.requested, .accepted], nil),
        (.rejected, [.requested, .rejected], .noCapacity),
        (.cancelled, [.requested, .cancelled], .noLongerInterested),
        (.inProgress, [.requested, .accepted, .inProgress], nil),
        (.onHold, [.requested, .accepted, .inProgress, .onHold], nil),
        (.completed, [.requested, .accepted, .inProgress, .completed], .gotHelp),
        (.failed, [.requested, .accepted, .failed], .couldNotContact),
        (.enteredInError, [.requested, .enteredInError], nil),
    ]

    static func add(for goal: Goal, household: UUID, from requester: UUID, by user: UUID, context: SyntheticHousehold.Context,
                    batch: inout SyntheticBatch, random: inout SeededRandom) {
        guard let domain = goal.lifeDomain else { return }
        let kind = SyntheticHousehold.partnerDomains.first { $0.1.contains(domain) }?.0 ?? .welfare
        guard let receiver = context.staff.partners[kind], let receiverUser = context.staff.partnerStaff[kind] else { return }
        let (status, path, outcome) = random.weighted(paths.map { ($0, $0.0 == .completed || $0.0 == .inProgress ? 3 : 1) })
        let referral = Referral(tenantID: context.tenantID, householdID: household, goalID: goal.id!, domains: [domain], requesterOrganizationID: requester,
                                requesterUserID: user, receiverOrganizationID: receiver, serviceID: nil,
                                messageEncrypted: (try? context.cipher.seal("Graag contact opnemen over: \(goal.title.lowercased()).")) ?? "")
        referral.id = random.uuid()
        referral.status = status.rawValue
        referral.outcome = outcome?.rawValue
        if status != .draft {
            let sent = SyntheticHousehold.day(context.today, plus: -random.int(0...700))
            referral.sentOn = sent
            referral.dueOn = WorkingDays.add(5, to: sent)
        }
        batch.referrals.append(referral)
        // The resident consented to share this domain with the receiver.
        batch.consents.append(SyntheticHousehold.consent(household, batch.residents.first { $0.householdID == household }!.id!, receiver, [domain], status: .given,
                                                         since: referral.sentOn ?? context.today, until: nil, recordedBy: user, tenantID: context.tenantID, random: &random))
        var previous: ReferralStatus?
        for step in path {
            let actorIsReceiver = [.accepted, .rejected, .inProgress, .onHold, .completed, .failed].contains(step)
            let event = ReferralEvent(tenantID: context.tenantID, referralID: referral.id!, from: previous, to: step, outcome: step == status ? outcome : nil,
                                      userID: actorIsReceiver ? receiverUser : user, organizationID: actorIsReceiver ? receiver : requester)
            event.id = random.uuid()
            batch.referralEvents.append(event)
            previous = step
        }
        if path.contains(.accepted) {
            batch.involvements.append(SyntheticHousehold.involvement(receiver, household, [domain], coordinator: false, since: referral.sentOn ?? context.today,
                                                                    tenantID: context.tenantID, random: &random))
        }
    }
}
