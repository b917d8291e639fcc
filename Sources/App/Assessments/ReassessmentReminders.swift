import Domain
import Fluent
import SQLKit
import Vapor

/// Who is due for a reassessment: per member and instrument, the latest
/// professional assessment is at least the tenant's interval old. Only
/// assessments the professional may see (a score in a domain they may see
/// in that household) count. One query for a whole caseload.
enum ReassessmentReminders {
    struct Due: Encodable, Equatable { let text: String; let href: String; let lastOn: String }

    static func due(households: [Household], contexts: [UUID: AccessContext], months: Int, today: String, req: Request) async throws -> [Due] {
        let visible = contexts.mapValues { context in Set(LifeDomain.allCases.filter { AccessPolicy.decide(context, .detail($0)).isAllowed }) }
        let latest = try await latestProfessional(visible: visible, tenantID: households.first?.tenantID, on: req.db)
        let due = latest.filter { Day.adding(months: months, to: $0.lastOn).map { $0 <= today } ?? false }
        guard let tenantID = households.first?.tenantID, !due.isEmpty else { return [] }
        let households = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0) })
        let names = Dictionary(
            try await Resident.scoped(to: tenantID, on: req.db).filter(\.$id ~~ due.map(\.residentID)).all()
                .compactMap { r in r.id.map { ($0, r.fullName) } },
            uniquingKeysWith: { a, _ in a }
        )
        return due.compactMap { last -> Due? in
            guard let household = households[last.householdID], let instrument = req.instruments.instrument(last.instrumentID) else { return nil }
            let text = req.t("worklist.reassessment_item", names[last.residentID] ?? "", instrument.name.text(req.locale.rawValue), household.name, last.lastOn)
            return Due(text: text, href: SiteRoute.household.path(last.householdID) + "#progress-\(last.residentID)", lastOn: last.lastOn)
        }.sorted { ($0.lastOn, $0.text) < ($1.lastOn, $1.text) }
    }

    struct Latest { let householdID: UUID; let residentID: UUID; let instrumentID: String; let lastOn: String }

    /// Per household, member and instrument: the day of the latest
    /// professional assessment with a score in a domain `visible` lists for
    /// that household. SQL gives the latest day per domain; the visible ones decide.
    static func latestProfessional(visible: [UUID: Set<LifeDomain>], tenantID: UUID?, on db: any Database) async throws -> [Latest] {
        let householdIDs = visible.filter { !$0.value.isEmpty }.map(\.key)
        let domains = visible.values.reduce(into: Set<LifeDomain>()) { $0.formUnion($1) }
        guard let tenantID, !householdIDs.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT a.household_id, a.resident_id, a.instrument_id, s.domain, MAX(a.assessed_on) AS last_on
            FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id
            WHERE a.tenant_id = \(bind: tenantID) AND a.household_id IN (\(binds: householdIDs))
              AND a.source = \(bind: AssessmentSource.professional.rawValue) AND s.domain IN (\(binds: domains.map(\.rawValue)))
            GROUP BY a.household_id, a.resident_id, a.instrument_id, s.domain
            """).all()
        var latest: [String: Latest] = [:]
        for row in rows {
            let householdID = try row.decode(column: "household_id", as: UUID.self)
            guard let domain = LifeDomain(rawValue: try row.decode(column: "domain", as: String.self)), visible[householdID]?.contains(domain) == true else { continue }
            let candidate = Latest(householdID: householdID, residentID: try row.decode(column: "resident_id", as: UUID.self),
                                   instrumentID: try row.decode(column: "instrument_id", as: String.self), lastOn: try row.decode(column: "last_on", as: String.self))
            let key = "\(candidate.householdID)|\(candidate.residentID)|\(candidate.instrumentID)"
            if latest[key].map({ $0.lastOn < candidate.lastOn }) ?? true { latest[key] = candidate }
        }
        return Array(latest.values)
    }
}

extension Day {
    /// The day `months` calendar months after `day` (end-of-month days clamp), or nil for a bad day.
    static func adding(months: Int, to day: String) -> String? {
        guard let start = start(of: day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: .month, value: months, to: start).map(string)
    }
}
