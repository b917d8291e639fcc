import Domain
import Foundation

/// Assessments over two years with plausible trajectories: the coordinator
/// scores only the domains the team works on, usually a little better each
/// time, now and then a step back; some residents add their own view.
enum SyntheticAssessments {
    static func add(for resident: Resident, domains: Set<LifeDomain>, by professional: UUID, organization: UUID,
                    context: SyntheticHousehold.Context, batch: inout SyntheticBatch, random: inout SeededRandom) {
        guard let residentID = resident.id else { return }
        let reason = (try? context.cipher.seal("Periodieke meting van de leefgebieden waar we samen aan werken.")) ?? ""
        for instrument in context.catalog.instruments {
            let items = instrument.items.filter { LifeDomain(rawValue: $0.domain).map(domains.contains) ?? false }
            guard !items.isEmpty else { continue }
            let range = instrument.range
            var scores = Dictionary(uniqueKeysWithValues: items.map { ($0.id, random.int(range.lowerBound...max(range.lowerBound, range.lowerBound + (range.count - 1) / 2))) })
            let count = random.int(2...4)
            var daysAgo = random.int(500...720)
            for round in 0..<count {
                if round > 0 {
                    for item in items {
                        let step = random.weighted([(1, 5), (0, 4), (-1, 1)])
                        scores[item.id] = min(range.upperBound, max(range.lowerBound, scores[item.id]! + step))
                    }
                }
                let day = SyntheticHousehold.day(context.today, plus: -daysAgo)
                let assessment = Assessment(tenantID: context.tenantID, householdID: resident.householdID, residentID: residentID, instrument: instrument,
                                            assessedOn: day, source: .professional, assessedBy: professional, organizationID: organization, reasonEncrypted: reason)
                append(assessment, items: items, scores: scores, context: context, batch: &batch, random: &random)
                daysAgo = max(0, daysAgo - random.int(120...240))
            }
            // The resident's own view of the latest round, sometimes different.
            if random.chance(0.3) {
                let own = scores.mapValues { min(range.upperBound, max(range.lowerBound, $0 + random.weighted([(0, 6), (1, 2), (-1, 2)]))) }
                let assessment = Assessment(tenantID: context.tenantID, householdID: resident.householdID, residentID: residentID, instrument: instrument,
                                            assessedOn: SyntheticHousehold.day(context.today, plus: -daysAgo), source: .own, assessedBy: professional,
                                            organizationID: nil, reasonEncrypted: nil)
                append(assessment, items: items, scores: own, context: context, batch: &batch, random: &random)
            }
        }
    }

    private static func append(_ assessment: Assessment, items: [Instrument.Item], scores: [String: Int], context: SyntheticHousehold.Context,
                               batch: inout SyntheticBatch, random: inout SeededRandom) {
        assessment.id = random.uuid()
        batch.assessments.append(assessment)
        for item in items {
            let score = AssessmentScore(tenantID: context.tenantID, assessmentID: assessment.id!, item: item, score: scores[item.id]!)
            score.id = random.uuid()
            batch.assessmentScores.append(score)
        }
    }
}
