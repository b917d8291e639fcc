import Domain
import Vapor

/// The monitor's pages, for the analyst and the tenant admin, and for a
/// manager their organisation's (`MonitorAudience`): aggregates
/// only, read from the monitor's cells; no page here links to a resident.
struct MonitorController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.monitor, use: monitor)
        routes.get(SiteRoute.monitorIndicator, use: indicator)
    }

    func monitor(req: Request) async throws -> Response {
        let audience = try await MonitorAudience.of(req)
        let (choice, issues) = try MonitorChoice.read(req, audience: audience)
        let page = try await MonitorPage.build(req, audience: audience, choice: choice, errors: FormErrors(issues, req: req))
        try await Self.record(req, "monitor \(choice.logText)")
        return try await req.page("monitor/monitor", title: audience.title(req), page, status: issues.isEmpty ? .ok : .badRequest)
    }

    func indicator(req: Request) async throws -> Response {
        let audience = try await MonitorAudience.of(req)
        let indicator = try audience.indicator(req.text(.indicatorID))
        let (choice, issues) = try MonitorChoice.read(req, indicator: indicator, audience: audience)
        let page = try await IndicatorPage.build(req, audience: audience, indicator: indicator, choice: choice, errors: FormErrors(issues, req: req))
        try await Self.record(req, "\(indicator.id) \(choice.logText)")
        let title = audience.organizationName.map { req.t("monitor.indicator_title_organization", page.name, $0) } ?? page.name
        return try await req.page("monitor/indicator", title: title, page, status: issues.isEmpty ? .ok : .badRequest)
    }

    /// Every dashboard view is in the access log (DESIGN.md §5), without a subject: aggregates name nobody.
    static func record(_ req: Request, _ what: String) async throws {
        try await req.audit("monitor.read", outcome: .allowed, basis: .none, objectType: "monitor", objectID: what)
    }
}
