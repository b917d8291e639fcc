import Domain
import Fluent
import Vapor

/// `/api/v1/indicators`: the monitor's catalog and figures as JSON, for
/// whoever reads a monitor, in their scope (`MonitorAudience`). Figures
/// come only from the monitor's cells of the caller's tenant, through the
/// same suppression as the pages; every read of figures is in the access log.
struct IndicatorAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiIndicators, use: list)
        routes.get(SiteRoute.apiIndicatorValues, use: values)
    }

    func list(req: Request) async throws -> [IndicatorDTO] {
        try await MonitorAudience.of(req).indicators.all.map(IndicatorDTO.init)
    }

    func values(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let audience = try await MonitorAudience.of(req)
        let indicator = try audience.indicator(req.text(.indicatorID))
        switch try Self.query(req, for: indicator, audience: audience) {
        case .failure(let refusal):
            return IndicatorAPIController.problem(refusal.problems, req: req)
        case .success(let query):
            let values = try await IndicatorValues.read(indicator, query, tenantID: actor.tenantID, on: req.analyticsDB)
            let names = try await MonitorMemberNames.load(for: query.by, tenantID: actor.tenantID, on: req.analyticsDB)
            try await req.audit("monitor.read", outcome: .allowed, basis: .none, objectType: "indicator", objectID: query.logText(indicator))
            return try await IndicatorValuesDTO(values, names: names, speaking: req).encodeResponse(for: req)
        }
    }

    /// The query string read against the indicator, today in Dutch time; a
    /// filter the audience may not use is a 403 (`MonitorAudience.filterText`).
    static func query(_ req: Request, for indicator: IndicatorDefinition, audience: MonitorAudience) throws -> Result<IndicatorQuery, IndicatorQuery.Refusal> {
        IndicatorQuery.read(period: req.query[String.self, at: "period"], by: req.query[String.self, at: "by"],
                            filter: try audience.filterText(req.query[String.self, at: "filter"]), for: indicator, today: CivilDay.today(in: Day.timeZone))
    }

    /// A 400 problem+json naming each refused parameter with what it may be.
    static func problem(_ problems: [IndicatorQuery.Problem], req: Request) -> Response {
        struct Param: Encodable { let name: String; let reason: String; let allowed: [String] }
        struct Problem: Encodable {
            let type: String; let title: String; let status: UInt; let detail: String; let instance: String
            let invalidParams: [Param]
        }
        let params = problems.map { Param(name: $0.parameter, reason: $0.reason(req), allowed: $0.allowed) }
        let body = Problem(
            type: "about:blank", title: HTTPResponseStatus.badRequest.reasonPhrase, status: 400,
            detail: params.map { "\($0.name): \($0.reason)" }.joined(separator: " "), instance: "urn:request:\(req.id)", invalidParams: params
        )
        let response = Response(status: .badRequest)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        response.body = .init(data: (try? JSONEncoder().encode(body)) ?? Data())
        return response
    }
}
