import Domain
import Foundation

/// The resident signs most plans some days or weeks after the first contact,
/// and signs again at the review about every six months: mostly on time,
/// sometimes late, now and then not again at all.
enum SyntheticPlanVersions {
    static func add(_ episode: SyntheticTimeline.Episode, plan: inout SyntheticEpisode.Plan, goals: [Goal], context: SyntheticHousehold.Context,
                    batch: inout SyntheticBatch, random: inout SeededRandom) {
        guard random.chance(0.85) else { return }
        let last = episode.lastDay(today: context.day)
        let snapshot = self.snapshot(goals)
        var day: CivilDay? = episode.start.adding(days: random.int(random.weighted([(3...13, 40), (14...30, 40), (31...75, 20)])))
        while let signed = day, signed <= last {
            plan.versions += 1
            let version = PlanVersion(tenantID: context.tenantID, householdID: plan.household, number: plan.versions, snapshot: snapshot,
                                      signedBy: plan.head.id!, method: random.pick([ConsentMethod.signedOnPaper, .portal]).rawValue,
                                      signedAt: context.clock.at(signed, random: &random))
            version.id = random.uuid()
            batch.planVersions.append(version)
            let due = signed.adding(months: FactExtraction.reviewMonths)
            let next: [(CivilDay?, Int)] = [(due.adding(days: random.int(-30...10)), 70), (due.adding(days: random.int(15...90)), 20), (nil, 10)]
            day = random.weighted(next)
        }
    }

    /// The plan as signed, in the shape the plan page compares versions in.
    private static func snapshot(_ goals: [Goal]) -> String {
        let items = goals.map { goal in
            PortalData.GoalItem(id: goal.id?.uuidString ?? "", domain: goal.domain, title: goal.title, target: goal.target ?? "", status: "Open", actions: [])
        }
        return String(decoding: (try? JSONEncoder().encode(items)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
