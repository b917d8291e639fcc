import Domain
import Foundation

/// A plan's goals with their actions and notes. Goals close over the months
/// (the day a goal closed is its `updated_at`, which the monitor reads), and
/// teams get a little better at reaching them as the two years go by.
enum SyntheticGoals {
    static func add(_ episode: SyntheticTimeline.Episode, plan: SyntheticEpisode.Plan, context: SyntheticHousehold.Context,
                    batch: inout SyntheticBatch, random: inout SeededRandom) -> [Goal] {
        let (today, last) = (context.day, episode.lastDay(today: context.day))
        var goals: [Goal] = []
        for domain in plan.domains.sorted(by: { $0.rawValue < $1.rawValue }) where random.chance(0.7) || goals.isEmpty {
            let goal = Goal(tenantID: context.tenantID, householdID: plan.household, domain: domain,
                            title: random.pick(SyntheticHousehold.goalTitles[domain] ?? ["Een stap vooruit"]), target: nil)
            goal.id = random.uuid()
            let set = min(episode.start.adding(days: random.int(0...14)), last)
            goal.createdAt = context.clock.at(set, random: &random)
            goal.updatedAt = goal.createdAt
            let closes = set.adding(days: random.int(45...420))
            // A goal still open when the plan ends is mostly closed with it.
            let closed: CivilDay? = closes <= last ? closes : (episode.end != nil && random.chance(0.8) ? last : nil)
            if let closed {
                let progress = Double(max(0, 730 - closed.days(until: today))) / 730
                let achieved = 40 + Int(progress * 20)
                goal.status = random.weighted([(GoalStatus.achieved, achieved), (.partlyAchieved, 20), (.notAchieved, 10), (.dropped, 10)]).rawValue
                goal.updatedAt = max(goal.createdAt!, context.clock.at(closed, random: &random))
            }
            goals.append(goal)
            addActions(to: goal, set: set, last: last, plan: plan, context: context, batch: &batch, random: &random)
            if random.chance(0.6) {
                let day = set.adding(days: random.int(0...max(0, set.days(until: last))))
                let note = Note(tenantID: context.tenantID, householdID: plan.household, domain: domain, kind: random.pick(NoteKind.allCases.filter { $0 != .comment }),
                                occurredOn: day.iso, textEncrypted: (try? context.cipher.seal("Gesprek over \(goal.title.lowercased()).")) ?? "",
                                authorID: plan.professional, organizationID: plan.team)
                note.id = random.uuid()
                note.createdAt = context.clock.at(day, random: &random)
                batch.notes.append(note)
            }
        }
        batch.goals += goals
        return goals
    }

    private static func addActions(to goal: Goal, set: CivilDay, last: CivilDay, plan: SyntheticEpisode.Plan, context: SyntheticHousehold.Context,
                                   batch: inout SyntheticBatch, random: inout SeededRandom) {
        let reached = goal.status == GoalStatus.achieved.rawValue
        for _ in 0..<random.int(1...2) {
            let owner: ActionOwner = random.weighted([(.professional(plan.professional), 3), (.resident(name: nil), 2), (.network(name: "Buurvrouw"), 1)])
            let action = PlanAction(tenantID: context.tenantID, householdID: plan.household, goalID: goal.id!,
                                    description: random.pick(["Afspraak maken", "Samen de post doornemen", "Formulier invullen", "Bellen met de huisarts", "Kennismaken"]),
                                    owner: owner, dueOn: set.adding(days: random.int(7...90)).iso)
            action.id = random.uuid()
            action.status = (reached ? ActionStatus.done : random.weighted([(ActionStatus.open, 60), (.inProgress, 15), (.done, 20), (.cancelled, 5)])).rawValue
            action.createdAt = goal.createdAt
            let changed = context.clock.at(min(set.adding(days: random.int(1...60)), last), random: &random)
            action.updatedAt = action.status == ActionStatus.open.rawValue ? goal.createdAt : max(goal.createdAt!, changed)
            batch.actions.append(action)
        }
    }
}
