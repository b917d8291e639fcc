import Domain
import Vapor

/// The monitor's pages, for the analyst and the tenant admin: aggregates
/// only, read from the monitor's cells; no page here links to a resident.
struct MonitorController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.monitor, use: monitor)
        routes.get(SiteRoute.monitorIndicator, use: indicator)
    }

    func monitor(req: Request) async throws -> Response {
        let (choice, issues) = try MonitorChoice.read(req)
        let page = try await MonitorPage.build(req, choice: choice, errors: FormErrors(issues, req: req))
        return try await req.page("monitor/monitor", title: req.t("monitor.title"), page, status: issues.isEmpty ? .ok : .badRequest)
    }

    func indicator(req: Request) async throws -> Response {
        guard let id = req.text(.indicatorID), let indicator = req.indicators[id] else { throw Abort(.notFound) }
        let (choice, issues) = try MonitorChoice.read(req, indicator: indicator)
        let page = try await IndicatorPage.build(req, indicator: indicator, choice: choice, errors: FormErrors(issues, req: req))
        return try await req.page("monitor/indicator", title: page.name, page, status: issues.isEmpty ? .ok : .badRequest)
    }
}
