import Domain
import Foundation

/// A referral from the coordinating team to a partner, in any status, with
/// the dated history that led there. Some households are first sent to one
/// to three desks that turn them away before one takes them on; accepted
/// referrals put the partner on the team.
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

    /// Working days a receiver takes to answer: most within the five allowed, a tail beyond.
    static func answerDays(random: inout SeededRandom) -> Int {
        random.int(random.weighted([(1...2, 40), (3...5, 36), (6...10, 14), (11...20, 7), (21...35, 3)]))
    }

    static func add(for goal: Goal, in episode: SyntheticTimeline.Episode, plan: SyntheticEpisode.Plan, context: SyntheticHousehold.Context,
                    batch: inout SyntheticBatch, random: inout SeededRandom) {
        guard let domain = goal.lifeDomain else { return }
        let kind = SyntheticHousehold.partnerDomains.first { $0.1.contains(domain) }?.0 ?? .welfare
        var sent = episode.start.adding(days: random.int(3...60))
        guard sent <= context.day, context.staff.partners[kind] != nil else { return }
        var redirectedFrom: UUID?
        // Desk-hopping: first to other organisations, which turn the household away.
        if random.chance(0.22) {
            let desks = random.sample(context.staff.partners.keys.filter { $0 != kind }.sorted { $0.rawValue < $1.rawValue },
                                      count: random.weighted([(1, 60), (2, 30), (3, 10)]))
            for desk in desks {
                let outcome = random.pick([ReferralOutcome.notEligible, .referredElsewhere, .noCapacity])
                let made = record(goal: goal, domain: domain, to: desk, sent: sent, path: [.requested, .rejected], outcome: outcome,
                                  redirectedFrom: redirectedFrom, plan: plan, context: context, batch: &batch, random: &random)
                guard made.referral.status == ReferralStatus.rejected.rawValue, let turnedAway = made.last else { return }
                sent = turnedAway.adding(days: random.int(0...4))
                guard sent <= context.day else { return }
                redirectedFrom = made.referral.id
            }
        }
        // A household sent on is sent at once, never left in a draft.
        let choices = paths.filter { redirectedFrom == nil || $0.0 != .draft }
        let (_, path, outcome) = random.weighted(choices.map { ($0, $0.0 == .completed || $0.0 == .inProgress ? 3 : 1) })
        let made = record(goal: goal, domain: domain, to: kind, sent: sent, path: path, outcome: outcome, redirectedFrom: redirectedFrom,
                          plan: plan, context: context, batch: &batch, random: &random)
        // Taken on: the partner joins the team until the referral ends, or the plan does.
        guard let accepted = made.accepted, episode.end.map({ accepted < $0 }) ?? true else { return }
        let finished = ReferralStatus(rawValue: made.referral.status)?.isFinal ?? false ? made.last : nil
        let leaves = [finished, episode.end].compactMap { $0 }.min()
        guard leaves.map({ accepted < $0 }) ?? true else { return }
        batch.involvements.append(SyntheticHousehold.involvement(context.staff.partners[kind]!, plan.household, [domain], coordinator: false,
                                                                 from: accepted, until: leaves, context: context, random: &random))
    }

    struct Made { let referral: Referral; let accepted: CivilDay?; let last: CivilDay? }

    /// One referral along `path`, each step on its day; a step that would
    /// fall after today has not happened yet, so the referral stops before it.
    static func record(goal: Goal, domain: LifeDomain, to kind: OrganizationKind, sent: CivilDay, path: [ReferralStatus], outcome: ReferralOutcome?,
                       redirectedFrom: UUID?, plan: SyntheticEpisode.Plan, context: SyntheticHousehold.Context,
                       batch: inout SyntheticBatch, random: inout SeededRandom) -> Made {
        let receiver = context.staff.partners[kind]!, receiverUser = context.staff.partnerStaff[kind]!
        let referral = Referral(tenantID: context.tenantID, householdID: plan.household, goalID: goal.id!, domains: [domain], requesterOrganizationID: plan.team,
                                requesterUserID: plan.professional, receiverOrganizationID: receiver, serviceID: nil,
                                messageEncrypted: (try? context.cipher.seal("Graag contact opnemen over: \(goal.title.lowercased()).")) ?? "")
        referral.id = random.uuid()
        referral.redirectedFromID = redirectedFrom
        if path != [.draft] {
            referral.sentOn = sent.iso
            referral.dueOn = WorkingDays.add(5, to: sent.iso)
        }
        var day = sent, previous: ReferralStatus?, accepted: CivilDay?, reached: CivilDay?
        var moments: [Date] = []
        for step in path {
            if previous != nil { day = next(after: day, from: previous!, to: step, random: &random) }
            guard day <= context.day else { break }
            let actorIsReceiver = [.accepted, .rejected, .inProgress, .onHold, .completed, .failed].contains(step)
            let event = ReferralEvent(tenantID: context.tenantID, referralID: referral.id!, from: previous, to: step, outcome: step == path.last ? outcome : nil,
                                      userID: actorIsReceiver ? receiverUser : plan.professional, organizationID: actorIsReceiver ? receiver : plan.team)
            event.id = random.uuid()
            event.occurredAt = max(moments.last ?? .distantPast, context.clock.at(day, random: &random))
            moments.append(event.occurredAt)
            batch.referralEvents.append(event)
            if step == .accepted { accepted = day }
            referral.status = step.rawValue
            referral.outcome = event.outcome
            previous = step
            reached = day
        }
        referral.createdAt = moments.first
        referral.updatedAt = moments.last
        batch.referrals.append(referral)
        // The resident consented to share this domain with the receiver.
        batch.consents.append(SyntheticHousehold.consent(plan.household, plan.head.id!, receiver, [domain], status: .given, from: sent, until: nil,
                                                         recordedBy: plan.professional, context: context, random: &random))
        return Made(referral: referral, accepted: accepted, last: reached)
    }

    /// The day of the next step: the receiver answers after some working
    /// days, help takes weeks to months, a withdrawal comes within days.
    static func next(after day: CivilDay, from: ReferralStatus, to step: ReferralStatus, random: inout SeededRandom) -> CivilDay {
        switch step {
        case .accepted, .rejected:
            return CivilDay(WorkingDays.add(answerDays(random: &random), to: day.iso) ?? day.iso) ?? day.adding(days: 1)
        case .cancelled, .enteredInError: return day.adding(days: random.int(1...10))
        case .inProgress: return day.adding(days: random.int(1...12))
        case .onHold: return day.adding(days: random.int(14...60))
        case .completed: return day.adding(days: random.int(30...180))
        case .failed: return day.adding(days: random.int(10...40))
        case .draft, .requested: return day
        }
    }
}
