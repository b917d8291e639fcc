import Domain
import Foundation

/// What a view of one indicator asks for — a period, optionally a breakdown
/// and a filter — read from the query string and checked against the
/// indicator, so the API, the CSV and the pages refuse the same things.
struct IndicatorQuery: Equatable {
    let period: Period
    let by: MonitorDimension?
    let filter: MonitorReader.Filter?

    /// One refused parameter: its name, what was wrong, and what it may be.
    struct Problem: Error, Equatable {
        let parameter: String
        let messageKey: String
        let allowed: [String]

        /// "period: … Allowed: 2026-11, 2026-Q4, 2026." in the reader's language.
        func reason(_ speaking: some Speaking) -> String {
            speaking.t(messageKey, allowed.joined(separator: ", "))
        }
    }

    /// The refused parameters, each named.
    struct Refusal: Error, Equatable { let problems: [Problem] }

    /// Reads `period`, `by` and `filter` (`dimension:value`); the period
    /// defaults to the month of `today`. Every refused parameter is named.
    static func read(period: String?, by: String?, filter: String?, for indicator: IndicatorDefinition,
                     today: CivilDay) -> Result<IndicatorQuery, Refusal> {
        var problems: [Problem] = []
        let current = Period.containing(today, .month)
        var chosen = current
        if let text = period?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let parsed = Period(id: text), parsed.year >= 2000, parsed.firstDay <= today {
                chosen = parsed
            } else {
                let examples = [current, Period.containing(today, .quarter), Period.containing(today, .year)].map(\.id)
                problems.append(Problem(parameter: "period", messageKey: "monitor.query.period", allowed: examples))
            }
        }
        var dimension: MonitorDimension?
        if let text = by?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let parsed = MonitorDimension(rawValue: text), indicator.breakdowns.contains(parsed) {
                dimension = parsed
            } else {
                problems.append(Problem(parameter: "by", messageKey: indicator.breakdowns.isEmpty ? "monitor.query.by_none" : "monitor.query.by",
                                        allowed: indicator.breakdowns.map(\.rawValue)))
            }
        }
        var chosenFilter: MonitorReader.Filter?
        if let text = filter?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            switch readFilter(text, for: indicator) {
            case .success(let parsed):
                if let dimension, !parsed.dimension.combines(with: dimension) {
                    // Within one neighbourhood (or by the filter's own dimension) the cells are not kept.
                    problems.append(Problem(parameter: "filter", messageKey: "monitor.query.filter_same",
                                            allowed: filterable(indicator).filter { $0.combines(with: dimension) }.map(\.rawValue)))
                } else {
                    chosenFilter = parsed
                }
            case .failure(let problem): problems.append(problem)
            }
        }
        if !problems.isEmpty { return .failure(Refusal(problems: problems)) }
        return .success(IndicatorQuery(period: chosen, by: dimension, filter: chosenFilter))
    }

    /// The dimensions this indicator can be narrowed on.
    static func filterable(_ indicator: IndicatorDefinition) -> [MonitorDimension] {
        MonitorDimension.filterable.filter(indicator.breakdowns.contains)
    }

    /// `dimension:value`, with the value as the cells store it (an
    /// organisation's id in upper case, a life domain's code).
    private static func readFilter(_ text: String, for indicator: IndicatorDefinition) -> Result<MonitorReader.Filter, Problem> {
        let allowed = filterable(indicator)
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let dimension = MonitorDimension(rawValue: parts[0]), allowed.contains(dimension) else {
            return .failure(Problem(parameter: "filter", messageKey: allowed.isEmpty ? "monitor.query.filter_none" : "monitor.query.filter",
                                    allowed: allowed.map { "\($0.rawValue):…" }))
        }
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        let member: String?
        var values: [String] = []
        switch dimension {
        case .organization:
            member = UUID(canonicalText: value)?.uuidString
            values = ["organization:<uuid>"]
        case .domain:
            member = LifeDomain(rawValue: value)?.rawValue
            values = LifeDomain.allCases.map { "domain:\($0.rawValue)" }
        case .pillar:
            member = Pillar(rawValue: value)?.rawValue
            values = Pillar.allCases.map { "pillar:\($0.rawValue)" }
        default:
            let plain = !value.isEmpty && value.count <= 80 && value.allSatisfy { $0.isLetter || $0.isNumber || "-_ ".contains($0) }
            member = plain ? value : nil
            values = ["\(dimension.rawValue):<code>"]
        }
        guard let member else {
            return .failure(Problem(parameter: "filter", messageKey: "monitor.query.filter_value", allowed: values))
        }
        return .success(MonitorReader.Filter(dimension: dimension, member: member))
    }
}

extension IndicatorQuery {
    /// The periods of the trend: the ones of the same kind that end with
    /// this one and together span 24 months (24 months, 8 quarters, 2 years).
    var trendPeriods: [Period] {
        let count = switch period.kind { case .month: 24; case .quarter: 8; case .year: 2 }
        return (0..<count).reversed().map { period.advanced(by: -$0) }
    }

    /// What the access log keeps of the question: "id 2026-11 by=… filter=…".
    func logText(_ indicator: IndicatorDefinition) -> String {
        ([indicator.id, period.id] + [by.map { "by=\($0.rawValue)" }, filter.map { "filter=\($0.text)" }].compactMap { $0 })
            .joined(separator: " ")
    }
}
