import Domain
import Foundation

/// Assessments through a plan with plausible trajectories: a first one in
/// the weeks after intake, then every three to six months while the plan
/// runs. The coordinator scores only the domains the team works on, usually
/// a little better each time, now and then a step back; the participation
/// ladder moves more slowly; some residents add their own view.
enum SyntheticAssessments {
    static let participationLadder = "participation-ladder"

    static func add(for resident: Resident, domains: Set<LifeDomain>, in episode: SyntheticTimeline.Episode, by professional: UUID, organization: UUID,
                    context: SyntheticHousehold.Context, batch: inout SyntheticBatch, random: inout SeededRandom) {
        guard let residentID = resident.id else { return }
        let last = episode.lastDay(today: context.day)
        let reason = (try? context.cipher.seal("Periodieke meting van de leefgebieden waar we samen aan werken.")) ?? ""
        for instrument in context.catalog.instruments {
            let ladder = instrument.id == participationLadder
            let items = ladder ? instrument.items : instrument.items.filter { LifeDomain(rawValue: $0.domain).map(domains.contains) ?? false }
            guard !items.isEmpty, !ladder || random.chance(0.7) else { continue }
            let range = instrument.range
            // People come in struggling: scores in the lower half of the scale.
            var scores = Dictionary(uniqueKeysWithValues: items.map { ($0.id, random.int(range.lowerBound...max(range.lowerBound, range.lowerBound + (range.count - 1) / 2))) })
            var day = episode.start.adding(days: random.int(0...21))
            var round = 0
            while day <= last {
                if round > 0 {
                    let steps = ladder ? [(1, 25), (0, 65), (-1, 10)] : [(1, 35), (0, 50), (-1, 15)]
                    for item in items { scores[item.id] = min(range.upperBound, max(range.lowerBound, scores[item.id]! + random.weighted(steps))) }
                }
                let assessment = Assessment(tenantID: context.tenantID, householdID: resident.householdID, residentID: residentID, instrument: instrument,
                                            assessedOn: day.iso, source: .professional, assessedBy: professional, organizationID: organization, reasonEncrypted: reason)
                append(assessment, on: day, items: items, scores: scores, context: context, batch: &batch, random: &random)
                // The resident's own view of the same round, a few days later and sometimes different.
                let ownDay = day.adding(days: random.int(0...7))
                if random.chance(0.25), ownDay <= last {
                    let own = scores.mapValues { min(range.upperBound, max(range.lowerBound, $0 + random.weighted([(0, 6), (1, 2), (-1, 2)]))) }
                    let assessment = Assessment(tenantID: context.tenantID, householdID: resident.householdID, residentID: residentID, instrument: instrument,
                                                assessedOn: ownDay.iso, source: .own, assessedBy: professional, organizationID: nil, reasonEncrypted: nil)
                    append(assessment, on: ownDay, items: items, scores: own, context: context, batch: &batch, random: &random)
                }
                day = day.adding(days: random.int(90...180))
                round += 1
            }
        }
    }

    private static func append(_ assessment: Assessment, on day: CivilDay, items: [Instrument.Item], scores: [String: Int], context: SyntheticHousehold.Context,
                               batch: inout SyntheticBatch, random: inout SeededRandom) {
        assessment.id = random.uuid()
        assessment.createdAt = context.clock.at(day, random: &random)
        batch.assessments.append(assessment)
        for item in items {
            let score = AssessmentScore(tenantID: context.tenantID, assessmentID: assessment.id!, item: item, score: scores[item.id]!)
            score.id = random.uuid()
            batch.assessmentScores.append(score)
        }
    }
}
