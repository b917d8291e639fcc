import Domain
import Fluent
import Vapor

/// Progress per household member: for each instrument, a chart rendered on
/// the server (radar for a matrix, a timeline for a ladder) with a data
/// table as its text alternative, the distance travelled since the first
/// assessment, and where the resident's own view differs. Only the domains
/// the viewer may see.
struct AssessmentProgress {
    struct Row: Encodable { let item: String; let latest: String; let previous: String; let own: String; let differs: Bool; let distance: String }
    struct Mark: Encodable { let day: String; let score: String; let by: String }
    struct LegendEntry: Encodable { let className: String; let label: String }
    struct Link: Encodable { let href: String; let label: String }

    struct Chart: Encodable {
        let id: String
        let name: String
        /// Server-rendered SVG: built by `Domain`'s SVG writer, every text escaped.
        let svg: String
        let caption: String
        let radar: Bool
        let legend: [LegendEntry]
        let rows: [Row]
        let marks: [Mark]
        let disagreements: Int
        /// For the resident: the table's headings in plain words.
        var plain = false
        /// "On 2 items the resident sees it differently", or nil.
        let disagreement: String?
        /// The ladder's distance travelled, when there is one.
        let distance: String?
    }

    struct Member: Encodable { let anchor: String; let name: String; let charts: [Chart]; let newLinks: [Link] }

    /// Progress of `residents`, as far as the opening shows; `newLink` offers a new
    /// assessment (nil: none). Also, per life domain, a baseline-and-latest
    /// line per member for the goals in that domain.
    static func build(
        _ opened: ResidentAccess.Opened, residents: [Resident], plain: Bool,
        newLink: (Resident, Instrument) -> String?, in context: Context
    ) async throws -> (members: [Member], goalMeasures: [LifeDomain: [String]], assessed: [UUID: UUID]) {
        let records = try await opened.assessments(on: context.db)
        let byResident = Dictionary(grouping: records, by: \.assessment.residentID)
        var measures: [LifeDomain: [String]] = [:]
        var members: [Member] = []
        for resident in residents {
            let residentID = try resident.requireID()
            let mine = byResident[residentID] ?? []
            var charts: [Chart] = []
            var links: [Link] = []
            for instrument in context.instruments.instruments {
                let items = instrument.items(in: { opened.allows(.detail($0)) })
                guard !items.isEmpty else { continue }
                if let href = newLink(resident, instrument) {
                    links.append(Link(href: href, label: context.t(plain ? "assessment.fill_in" : "assessment.new_for", (plain ? instrument.plainName : instrument.name).text(context.locale.rawValue))))
                }
                let ofInstrument = mine.filter { $0.assessment.instrumentID == instrument.id }
                guard !ofInstrument.isEmpty else { continue }
                let chart = ProgressChart(instrument: instrument, items: items, records: ofInstrument, person: resident.fullName, plain: plain, context: context)
                charts.append(instrument.chart == .radar ? chart.radar() : chart.ladder())
                for (domain, line) in chart.goalMeasures() { measures[domain, default: []].append(line) }
            }
            members.append(Member(anchor: anchor(residentID), name: resident.fullName, charts: charts, newLinks: links))
        }
        let assessed = Dictionary(records.compactMap { r in r.assessment.id.map { ($0, r.assessment.residentID) } }, uniquingKeysWith: { a, _ in a })
        return (members, measures, assessed)
    }

    /// Where a member's progress starts on the page.
    static func anchor(_ residentID: UUID) -> String { "progress-\(residentID)" }
}

/// One instrument's progress for one person.
struct ProgressChart {
    let instrument: Instrument
    let items: [Instrument.Item]
    let records: [AssessmentStore.Record]
    let person: String
    let plain: Bool
    let context: Context

    var language: String { context.locale.rawValue }
    /// An item as its reader says it: the resident in plain words.
    func label(_ item: Instrument.Item) -> String { plain ? context.plainDomainName(item.domain) : item.label.text(language) }
    var professional: [ScoredOccasion] { records.filter { $0.assessment.assessmentSource == .professional }.map(\.occasion) }
    var own: [ScoredOccasion] { records.filter { $0.assessment.assessmentSource == .own }.map(\.occasion) }
    var name: String { (plain ? instrument.plainName : instrument.name).text(language) }

    func cell(_ score: Int?) -> String {
        guard let score else { return "–" }
        let level = instrument.level(score).map { (plain ? $0.plain : $0.label).text(language) } ?? ""
        return "\(score) – \(level)"
    }

    func signed(_ change: Int) -> String { change > 0 ? "+\(change)" : change < 0 ? "−\(-change)" : "0" }

    func radar() -> AssessmentProgress.Chart {
        let (latest, previous) = OutcomeProgress.latestTwo(professional)
        let ownLatest = OutcomeProgress.latestTwo(own).latest
        let distance = OutcomeProgress.distance(professional)
        let scored = items.filter { item in [latest, previous, ownLatest].contains { $0?.scores[item.id] != nil } }
        // Fewer than three items make no radar: bars instead.
        let axes = scored
        let differing = OutcomeProgress.disagreements(professional: latest?.scores ?? [:], own: ownLatest?.scores ?? [:])
        let day = { (occasion: ScoredOccasion?) in occasion.map { " (\(context.day($0.day)))" } ?? "" }
        let legend = [
            AssessmentProgress.LegendEntry(className: "series-latest", label: context.t("assessment.latest") + day(latest)),
            AssessmentProgress.LegendEntry(className: "series-previous", label: context.t("assessment.previous") + day(previous)),
            AssessmentProgress.LegendEntry(className: "series-own", label: context.t("assessment.own_view") + day(ownLatest)),
        ]
        let series = zip([latest, previous, ownLatest], legend).compactMap { occasion, entry in
            occasion.map { occasion in RadarChart.Series(name: entry.label, className: entry.className, values: axes.map { occasion.scores[$0.id] }) }
        }
        let labels = axes.map(label)
        let title = context.t("assessment.chart_title", name, person)
        let svg = axes.count >= 3 ? RadarChart(labels: labels, range: instrument.range).svg(title: title, series: series)
            : BarChart(labels: labels, range: instrument.range).svg(title: title, series: series)
        let rows = scored.map { item in
            AssessmentProgress.Row(
                item: label(item), latest: cell(latest?.scores[item.id]), previous: cell(previous?.scores[item.id]),
                own: cell(ownLatest?.scores[item.id]), differs: differing.contains(item.id),
                distance: distance[item.id].map { context.t("assessment.distance_value", signed($0.change), String($0.first), context.day($0.firstDay)) } ?? "–"
            )
        }
        return AssessmentProgress.Chart(
            id: instrument.id, name: name, svg: svg,
            caption: context.t("assessment.table_caption", name, person), radar: true, legend: legend,
            rows: rows, marks: [], disagreements: differing.count, plain: plain,
            disagreement: differing.isEmpty ? nil : context.t(differing.count == 1 ? "assessment.disagreement_one" : "assessment.disagreements", String(differing.count)), distance: nil
        )
    }

    func ladder() -> AssessmentProgress.Chart {
        guard let item = items.first else {
            return AssessmentProgress.Chart(id: instrument.id, name: name, svg: "", caption: "", radar: false, legend: [], rows: [], marks: [], disagreements: 0, disagreement: nil, distance: nil)
        }
        let marks = { (occasions: [ScoredOccasion]) in occasions.compactMap { o in o.scores[item.id].map { TimelineChart.Mark(day: o.day, score: $0) } } }
        let legend = [
            AssessmentProgress.LegendEntry(className: "series-latest", label: context.t("assessment.by_professional")),
            AssessmentProgress.LegendEntry(className: "series-own", label: context.t("assessment.own_view")),
        ]
        let series = [
            TimelineChart.Series(name: legend[0].label, className: legend[0].className, marks: marks(professional)),
            TimelineChart.Series(name: legend[1].label, className: legend[1].className, marks: marks(own)),
        ]
        let chart = TimelineChart(range: instrument.range, days: series.flatMap { $0.marks.map(\.day) }, dayLabel: context.shortDay)
        let rows = records.compactMap { record -> AssessmentProgress.Mark? in
            guard let score = record.occasion.scores[item.id] else { return nil }
            return AssessmentProgress.Mark(day: context.day(record.assessment.assessedOn), score: cell(score),
                by: context.t(record.assessment.assessmentSource == .own ? "assessment.own_view" : "assessment.by_professional"))
        }
        let distance = OutcomeProgress.distance(professional)[item.id].map {
            context.t(abs($0.change) == 1 ? "assessment.ladder_distance_one" : "assessment.ladder_distance", signed($0.change), context.day($0.firstDay), cell($0.latest))
        }
        let ownLatest = OutcomeProgress.latestTwo(own).latest?.scores[item.id]
        let latest = OutcomeProgress.latestTwo(professional).latest?.scores[item.id]
        let differs = ownLatest != nil && latest != nil && ownLatest != latest
        return AssessmentProgress.Chart(
            id: instrument.id, name: name, svg: chart.svg(title: context.t("assessment.chart_title", name, person), series: series),
            caption: context.t("assessment.table_caption", name, person), radar: false, legend: legend, rows: [], marks: rows,
            disagreements: differs ? 1 : 0, plain: plain,
            disagreement: differs ? context.t("assessment.ladder_differs", cell(latest), cell(ownLatest)) : nil, distance: distance
        )
    }

    /// For goals: per domain, this person's baseline and latest score (by professionals).
    func goalMeasures() -> [(LifeDomain, String)] {
        let distance = OutcomeProgress.distance(professional)
        return items.compactMap { item in
            distance[item.id].map { d in
                (item.lifeDomain, context.t("assessment.goal_measure", person, name, String(d.first), context.day(d.firstDay), String(d.latest), context.day(d.latestDay)))
            }
        }
    }
}
