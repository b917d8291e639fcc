import Domain
import Foundation
import Vapor

/// Who reads the monitor on this request, and what of it: the scope
/// `MonitorAccess` gives them (the tenant's monitor, or a manager's own
/// organisation's), the indicators the tenant shows in that scope, and the
/// filter the scope fixes. Every monitor page, CSV and API call starts here,
/// so none of them decides access on its own.
struct MonitorAudience {
    let reader: MonitorReaderFacts
    let scope: MonitorScope
    /// The library without what the tenant hides; on an organisation's
    /// monitor only what can be narrowed to one organisation.
    let indicators: IndicatorCatalog
    /// The organisation's name on its own monitor.
    let organizationName: String?

    /// 403 for anyone who reads no monitor.
    static func of(_ req: Request) async throws -> MonitorAudience {
        let actor = try req.requireActor()
        let reader = actor.monitorReader
        guard let scope = MonitorAccess.home(reader) else { throw AppError.forbidden }
        var indicators = req.indicators.without(try await IndicatorVisibility.hidden(in: actor.tenantID, on: req.analyticsDB))
        var name: String?
        if case .organization(let id) = scope {
            // Figures without an organisation dimension are the whole municipality's: not this monitor's.
            indicators = IndicatorCatalog(indicators.all.filter { $0.dimensions.contains(.organization) })
            name = try await Organization.names(in: actor.tenantID, on: req.analyticsDB)[id]
        }
        return MonitorAudience(reader: reader, scope: scope, indicators: indicators, organizationName: name)
    }

    /// The filter an organisation's monitor is fixed to, or nil for the tenant's.
    var fixedFilter: MonitorReader.Filter? {
        guard case .organization(let id) = scope else { return nil }
        return MonitorReader.Filter(dimension: .organization, member: id.uuidString)
    }

    /// Whether this reader sees the organisation's caseload per named professional.
    var seesProfessionals: Bool { MonitorAccess.seesProfessionals(reader, scope) }

    /// A shown indicator, or 404: hidden ones, and on an organisation's
    /// monitor the tenant-only ones, do not exist here.
    func indicator(_ id: String?) throws -> IndicatorDefinition {
        guard let id, let indicator = indicators[id] else { throw AppError.notFound }
        return indicator
    }

    /// The `filter` a request may use, as text for `IndicatorQuery` and
    /// `MonitorChoice`. An organisation filter asks for that organisation's
    /// figures, any other filter (or none, on the tenant's monitor) for a part
    /// of the tenant's; `MonitorAccess` decides, and a refusal is a 403. No
    /// filter on an organisation's monitor means its own organisation.
    func filterText(_ requested: String?) throws -> String? {
        let text = requested?.trimmingCharacters(in: .whitespaces) ?? ""
        if text.isEmpty, let fixed = fixedFilter { return "\(fixed.dimension.rawValue):\(fixed.member)" }
        guard !text.isEmpty else { return requested }
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let asked: MonitorScope = parts.count == 2 && parts[0] == MonitorDimension.organization.rawValue
            ? UUID(canonicalText: parts[1]).map(MonitorScope.organization) ?? .tenant : .tenant
        guard MonitorAccess.mayRead(reader, asked) else { throw AppError.forbidden }
        return text
    }

    /// "Monitor" or "Monitor of <organisation>".
    func title(_ speaking: some Speaking) -> String {
        organizationName.map { speaking.t("monitor.title_organization", $0) } ?? speaking.t("monitor.title")
    }
}
