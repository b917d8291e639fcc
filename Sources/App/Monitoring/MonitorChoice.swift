import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// What a monitor page shows: a period, optionally a filter on one dimension
/// value, and on an indicator's page a breakdown. Read from the query; what
/// does not parse is named in a message and the default shown instead.
struct MonitorChoice {
    struct Query: Content { var period: String?; var filter: String?; var by: String? }

    var period: Period
    var filter: MonitorReader.Filter?
    var by: MonitorDimension?
    let today: CivilDay

    /// A filter the audience may not use is a 403, not a message (`MonitorAudience.filterText`).
    static func read(_ req: Request, indicator: IndicatorDefinition? = nil, audience: MonitorAudience) throws -> (MonitorChoice, [ValidationIssue]) {
        var query = try req.query.decode(Query.self)
        query.filter = try audience.filterText(query.filter)
        let today = CivilDay.today()
        var validator = FormValidator()
        // The last whole month: a month just begun would compare a few days with a whole one.
        var choice = MonitorChoice(period: Period.containing(today, .month).previous, filter: nil, by: nil, today: today)
        if let raw = query.period?.trimmed, !raw.isEmpty {
            if let period = Period(id: raw), period.firstDay <= today { choice.period = period } else { validator.add("period", "monitor.period_unknown") }
        }
        if let raw = query.filter?.trimmed, !raw.isEmpty {
            let parts = raw.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2, let dimension = MonitorDimension(rawValue: parts[0]), MonitorDimension.filterable.contains(dimension), !parts[1].isEmpty {
                choice.filter = MonitorReader.Filter(dimension: dimension, member: String(parts[1].prefix(100)))
            } else {
                validator.add("filter", "monitor.filter_unknown")
            }
        }
        if let raw = query.by?.trimmed, !raw.isEmpty {
            if let dimension = MonitorDimension(rawValue: raw), indicator?.breakdowns.contains(dimension) ?? false, dimension != choice.filter?.dimension {
                if let filter = choice.filter, !filter.dimension.combines(with: dimension) {
                    validator.add("by", "monitor.by_not_with_filter")
                } else {
                    choice.by = dimension
                }
            } else {
                validator.add("by", "monitor.by_unknown")
            }
        }
        return (choice, validator.issues)
    }

    /// What the access log keeps of the choice: "2026-11 filter=…".
    var logText: String {
        ([period.id] + [filter.map { "filter=\($0.text)" }, by.map { "by=\($0.rawValue)" }].compactMap { $0 }).joined(separator: " ")
    }

    static func link(_ path: String, period: Period, filter: MonitorReader.Filter?, by: MonitorDimension? = nil) -> String {
        Pager.link(path, [("period", period.id), ("filter", filter.map { "\($0.dimension.rawValue):\($0.member)" }), ("by", by?.rawValue)])
    }

    /// The years the period choice reaches back to, newest first.
    var years: [Period] { (0..<3).map { Period.containing(today, .year).advanced(by: -$0) } }

    /// The last 24 months, 8 quarters and 3 years, newest first.
    func periodOptions(_ format: MonitorFormat) -> [Option] {
        let month = Period.containing(today, .month), quarter = Period.containing(today, .quarter)
        let periods = (0..<24).map { month.advanced(by: -$0) } + (0..<8).map { quarter.advanced(by: -$0) } + years
        return periods.map { Option(value: $0.id, label: format.period($0), selected: $0 == period) }
    }

    /// The whole municipality, each organisation, district and neighbourhood
    /// with figures, each life domain and pillar.
    func filterOptions(_ req: Request) async throws -> [Option] {
        let actor = try req.requireActor()
        var options = [Option(value: "", label: req.t("monitor.whole"), selected: filter == nil)]
        func add(_ dimension: MonitorDimension, _ member: String, _ label: String) {
            let selected = filter?.dimension == dimension && filter?.member == member
            options.append(Option(value: "\(dimension.rawValue):\(member)", label: req.t("monitor.dimension.\(dimension.rawValue)") + ": " + label, selected: selected))
        }
        for organization in try await Organization.scoped(to: actor.tenantID, on: req.analyticsDB).sort(\.$name).all() {
            add(.organization, organization.id!.uuidString, organization.name)
        }
        for dimension in [MonitorDimension.district, .neighbourhood] {
            for member in try await MonitorReader(db: req.analyticsDB, tenantID: actor.tenantID).members(of: dimension, in: years) { add(dimension, member, member) }
        }
        for domain in LifeDomain.allCases { add(.domain, domain.rawValue, req.t("domain.\(domain.rawValue)")) }
        for pillar in Pillar.allCases { add(.pillar, pillar.rawValue, req.t("monitor.pillar.\(pillar.rawValue)")) }
        return options
    }

    /// The filter's select on the tenant's monitor; none on an organisation's, whose filter is fixed.
    func filterField(_ fields: inout FieldBuilder, _ req: Request, audience: MonitorAudience) async throws -> [FormPart] {
        guard audience.fixedFilter == nil else { return [] }
        return [.field(fields.field("filter", .select, label: "monitor.filter", options: try await filterOptions(req)))]
    }

    /// A dimension value in words: an organisation's name, a domain's, a pillar's.
    static func label(_ dimension: MonitorDimension, _ member: String?, _ req: Request, organizations: [String: String]) -> String {
        guard let member else { return req.t("monitor.unknown") }
        switch dimension {
        case .organization: return organizations[member] ?? member
        case .domain: return req.t("domain.\(member)")
        case .pillar: return req.t("monitor.pillar.\(member)")
        case .ageBand: return req.t("monitor.age_band", member)
        case .composition: return req.t("monitor.composition.\(member)")
        default: return member
        }
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

extension MonitorReader {
    /// The values of a dimension that have figures in these years: the
    /// districts and neighbourhoods with active plans. Read from the year
    /// cells only, so a large city's months are not scanned on every page.
    func members(of dimension: MonitorDimension, in years: [Period]) async throws -> [String] {
        try await db.sql.raw("""
            SELECT DISTINCT member FROM monitor_cells WHERE tenant_id = \(bind: tenantID) AND indicator = 'households-with-active-plan'
            AND period IN (\(SQLList(years.map { SQLBind($0.id) }))) AND filter = '' AND breakdown = \(bind: dimension.rawValue) ORDER BY member
            """).all().map { try $0.decode(column: "member", as: String.self) }
    }
}
