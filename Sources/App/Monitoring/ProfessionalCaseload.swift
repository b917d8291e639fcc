import Domain
import Fluent
import Foundation
import Vapor

/// An organisation's caseload per named professional, on its own monitor
/// and for its managers only (`MonitorAccess.seesProfessionals`): how many
/// households each professional of the organisation was the contact person
/// for in the period. Published as every breakdown is (`MonitorBreakdown`),
/// so a caseload of 1–4 reads "< 5" here too. Names of colleagues, never of
/// residents; nothing here links anywhere.
struct ProfessionalCaseload: Encodable {
    struct Row: Encodable { let name: String; let count: String }

    let title: String
    let rows: [Row]
    let csvHref: String

    static func build(_ req: Request, audience: MonitorAudience, indicator: IndicatorDefinition, period: Period,
                      format: MonitorFormat) async throws -> ProfessionalCaseload? {
        guard audience.seesProfessionals, indicator.per == .professional, let filter = audience.fixedFilter,
              case .organization(let organization) = audience.scope else { return nil }
        let actor = try req.requireActor()
        let reader = MonitorReader(db: req.analyticsDB, tenantID: actor.tenantID)
        let whole = try await reader.tallies(indicator, periods: [period], filter: filter)[period] ?? .zero
        let table = MonitorBreakdown(indicator, whole: whole, rows: try await reader.breakdown(indicator, period: period, by: .professional, filter: filter))
        let names = try await colleagues(of: organization, in: actor.tenantID, on: req.analyticsDB)
        let rows = table.rows.map { row in
            Row(name: row.member.map { names[$0] ?? req.t("monitor.professional_former") } ?? req.t("monitor.professional_none"),
                count: row.count.text)
        }
        // By name, the households without a contact person last.
        let sorted = rows.enumerated().sorted { lhs, rhs in
            let (left, right) = (table.rows[lhs.offset].member == nil, table.rows[rhs.offset].member == nil)
            return left != right ? right : lhs.element.name.localizedStandardCompare(rhs.element.name) == .orderedAscending
        }.map(\.element)
        return ProfessionalCaseload(title: req.t("monitor.caseload_by_professional", format.period(period)), rows: sorted,
                                    csvHref: MonitorChoice.link(SiteRoute.monitorProfessionalsCSV.path(indicator.id), period: period, filter: nil))
    }

    /// The organisation's own people by id as the cells store it: someone
    /// who has since moved elsewhere is not named on this monitor.
    static func colleagues(of organization: UUID, in tenantID: UUID, on db: any Database) async throws -> [String: String] {
        let users = try await User.scoped(to: tenantID, on: db).filter(\.$organizationID == organization).all()
        return Dictionary(users.compactMap { user in user.id.map { ($0.uuidString, user.displayName) } }, uniquingKeysWith: { first, _ in first })
    }
}
