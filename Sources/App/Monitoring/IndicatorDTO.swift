import Domain
import Foundation
import Vapor

/// An indicator of the catalog as the API shows it.
struct IndicatorDTO: Content {
    struct Links: Content { let values: String }

    let id: String
    let version: Int
    let name: LocalizedText
    let description: LocalizedText
    let question: String
    let unit: String
    let direction: String
    let measure: String
    /// What `by` may be.
    let dimensions: [String]
    /// What `filter` may narrow on.
    let filters: [String]
    let links: Links

    init(_ indicator: IndicatorDefinition) {
        (id, version, name, description) = (indicator.id, indicator.version, indicator.name, indicator.description)
        (question, unit, direction, measure) = (indicator.question.rawValue, indicator.unit.rawValue, indicator.direction.rawValue, indicator.measure.rawValue)
        dimensions = indicator.breakdowns.map(\.rawValue)
        filters = IndicatorQuery.filterable(indicator).map(\.rawValue)
        links = Links(values: SiteRoute.apiIndicatorValues.path(indicator.id))
    }
}

/// A published figure: its base as a count or a marker, its value or null
/// with the reason it is withheld.
struct FigureDTO: Content {
    let base: PublishedCount
    let value: Double?
    /// "suppressed" (the base itself is withheld), "base-too-small" or "no-subjects"; null when there is a value.
    let reason: String?

    init(_ figure: IndicatorFigure) {
        base = figure.base
        value = figure.value.map { ($0 * 100).rounded() / 100 }
        if value != nil {
            reason = nil
        } else {
            switch figure.base {
            case .shown(0): reason = "no-subjects"
            case .shown: reason = "base-too-small"
            case .fewerThanFive, .hidden: reason = "suppressed"
            }
        }
    }

    enum CodingKeys: String, CodingKey { case base, value, reason }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(base, forKey: .base)
        try container.encode(value, forKey: .value)
        try container.encode(reason, forKey: .reason)
    }
}

/// One indicator's figures for one period, as `GET …/values` answers.
struct IndicatorValuesDTO: Content {
    struct Filter: Content { let dimension: String; let value: String }
    struct Point: Content { let period: String; let figure: FigureDTO }
    struct Row: Content {
        /// The dimension value; null for the subjects without one.
        let member: String?
        let label: String
        let count: PublishedCount
        let figure: FigureDTO

        /// `member` is required (null, not absent): the synthesized encoder would leave a nil out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(member, forKey: .member)
            try container.encode(label, forKey: .label)
            try container.encode(count, forKey: .count)
            try container.encode(figure, forKey: .figure)
        }
    }
    struct Breakdown: Content {
        let dimension: String
        let rows: [Row]
        let total: PublishedCount
        /// Whether a subject can sit in several rows, so the rows add up to more than the total.
        let overlapping: Bool
    }

    let indicator: String
    let version: Int
    let period: String
    let filter: Filter?
    /// When the figures were last brought up to date (ISO 8601); null when never.
    let figuresUpTo: String?
    let figure: FigureDTO
    /// Without a breakdown: the figures of the periods that end with this one and span 24 months.
    let trend: [Point]?
    let breakdown: Breakdown?

    init(_ values: IndicatorValues, names: MonitorMemberNames, speaking: some Speaking) {
        indicator = values.indicator.id
        version = values.indicator.version
        period = values.query.period.id
        filter = values.query.filter.map {
            Filter(dimension: $0.dimension.rawValue, value: $0.member)
        }
        figuresUpTo = values.figuresUpTo.map { ISO8601DateFormatter().string(from: $0) }
        figure = FigureDTO(values.figure)
        trend = values.query.by == nil ? values.trend.map { Point(period: $0.period.id, figure: FigureDTO($0.figure)) } : nil
        if let dimension = values.query.by, let breakdown = values.breakdown {
            self.breakdown = Breakdown(dimension: dimension.rawValue, rows: breakdown.rows.map { row in
                Row(member: row.member, label: names.label(row.member, of: dimension, speaking),
                    count: row.count, figure: FigureDTO(row.figure))
            }, total: breakdown.total, overlapping: breakdown.overlapping)
        } else {
            self.breakdown = nil
        }
    }

    enum CodingKeys: String, CodingKey { case indicator, version, period, filter, figuresUpTo, figure, trend, breakdown }

    /// `filter` and `figuresUpTo` are null when absent; `trend` and `breakdown` are left out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(version, forKey: .version)
        try container.encode(period, forKey: .period)
        try container.encode(filter, forKey: .filter)
        try container.encode(figuresUpTo, forKey: .figuresUpTo)
        try container.encode(figure, forKey: .figure)
        try container.encodeIfPresent(trend, forKey: .trend)
        try container.encodeIfPresent(breakdown, forKey: .breakdown)
    }
}
