import Domain
import Foundation

/// One indicator in one period split by one dimension, as every view of it
/// publishes it — the page, its CSV and the API build it here, so none can
/// give away what another withholds. Counts go through `Suppression.publish`
/// with the total; shares and medians need their row's count shown.
struct MonitorBreakdown {
    struct Row {
        /// The dimension value; nil for subjects without one ("unknown").
        let member: String?
        let count: PublishedCount
        let figure: IndicatorFigure
    }

    let rows: [Row]
    let total: PublishedCount
    /// Whether a subject can sit in several rows (a referral in two domains):
    /// then the rows add up to more than the total, and no total row is shown.
    let overlapping: Bool

    init(_ indicator: IndicatorDefinition, whole: Tally, rows raw: [MonitorReader.Row]) {
        let sum = raw.reduce(0) { $0 + $1.tally.subjects }
        overlapping = sum > whole.subjects
        var members: [(member: String?, tally: Tally)] = raw.map { ($0.member, $0.tally) }
        if !overlapping, whole.subjects > sum {
            // The subjects without a value are a row too, or the total would give them away.
            let rest = whole - raw.reduce(Tally.zero) { $0 + $1.tally }
            members.append((nil, Tally(subjects: rest.subjects, hits: rest.hits, values: rest.values.filter { $0.value > 0 })))
        }
        let table = CountTable(keys: members.map { $0.member ?? "" }, counts: members.map(\.tally.subjects))
        let published = table.map(Suppression.publish)
        let counts = published.map { $0.cells.map { $0[0] } } ?? members.map { _ in .hidden }
        total = overlapping ? Suppression.count(whole.subjects) : (published?.total ?? .hidden)
        self.rows = zip(members, counts).map { member, count in
            Row(member: member.member, count: count, figure: IndicatorFigure.of(indicator, tally: member.tally, published: count))
        }
    }
}
