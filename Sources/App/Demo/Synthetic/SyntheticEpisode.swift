import Domain
import Foundation

/// What happens in one plan of a synthetic household, each on its own day:
/// the district team coordinates from the intake, goals close over the
/// months, partners join under consent (some withdrawn, expired or refused),
/// the resident signs the plan, assessments are repeated, referrals go out.
enum SyntheticEpisode {
    /// What stays the same across a household's plans.
    struct Plan {
        let household: UUID
        let head: Resident
        let team: UUID
        let professional: UUID
        var domains: Set<LifeDomain>
        /// The number of the last plan version signed.
        var versions = 0
    }

    static func add(_ episode: SyntheticTimeline.Episode, plan: inout Plan, context: SyntheticHousehold.Context,
                    batch: inout SyntheticBatch, random: inout SeededRandom) {
        let (id, head, last) = (plan.household, plan.head.id!, episode.lastDay(today: context.day))
        let coordination = SyntheticHousehold.involvement(plan.team, id, plan.domains, coordinator: true, from: episode.start, until: episode.end,
                                                          context: context, random: &random)
        coordination.contactUserID = plan.professional
        batch.involvements.append(coordination)
        batch.consents.append(SyntheticHousehold.consent(id, head, plan.team, plan.domains, status: .given, from: episode.start, until: episode.end.map { _ in last },
                                                         recordedBy: plan.professional, context: context, random: &random))
        let goals = SyntheticGoals.add(episode, plan: plan, context: context, batch: &batch, random: &random)
        addPartner(episode, plan: plan, context: context, batch: &batch, random: &random)
        if random.chance(0.6) {
            SyntheticAssessments.add(for: plan.head, domains: plan.domains, in: episode, by: plan.professional, organization: plan.team,
                                     context: context, batch: &batch, random: &random)
        }
        SyntheticPlanVersions.add(episode, plan: &plan, goals: goals, context: context, batch: &batch, random: &random)
        // About half the goals need another organisation; at most two referrals per plan.
        for goal in goals.filter({ _ in random.chance(0.45) }).prefix(2) {
            SyntheticReferral.add(for: goal, in: episode, plan: plan, context: context, batch: &batch, random: &random)
        }
    }

    /// A partner on the team under consent, joining in the first weeks; some
    /// consents are withdrawn or expire later, some are refused outright.
    private static func addPartner(_ episode: SyntheticTimeline.Episode, plan: Plan, context: SyntheticHousehold.Context,
                                   batch: inout SyntheticBatch, random: inout SeededRandom) {
        guard random.chance(0.5) else { return }
        let last = episode.lastDay(today: context.day)
        let (kind, partnerDomains) = random.pick(SyntheticHousehold.partnerDomains)
        let shared = Set(partnerDomains), partner = context.staff.partners[kind]!
        let joined = episode.start.adding(days: random.int(7...45))
        guard joined < last else { return }
        let state = random.weighted([("given", 80), ("withdrawn", 7), ("expired", 7), ("refused", 6)])
        let stopped = joined.adding(days: random.int(1...max(1, joined.days(until: last))))
        let status: ConsentStatus = state == "withdrawn" ? .withdrawn : (state == "refused" ? .refused : .given)
        batch.consents.append(SyntheticHousehold.consent(plan.household, plan.head.id!, partner, shared, status: status, from: joined,
                                                         until: state == "expired" ? stopped.adding(days: -1) : nil, withdrawnOn: stopped,
                                                         recordedBy: plan.professional, context: context, random: &random))
        guard status != .refused else { return }
        // The partner leaves when consent ends, or with the plan.
        let leaves = state == "given" ? episode.end : stopped
        batch.involvements.append(SyntheticHousehold.involvement(partner, plan.household, shared, coordinator: false, from: joined, until: leaves,
                                                                 context: context, random: &random))
    }
}
