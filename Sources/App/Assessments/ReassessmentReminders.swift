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

    static func due(names: [UUID: String], contexts: [UUID: AccessContext], months: Int, today: String, tenantID: UUID, in context: Context) async throws -> [Due] {
        guard let lastDueDay = Day.latestDue(months: months, today: today) else { return [] }
        let visible = contexts.mapValues { context in Set(LifeDomain.allCases.filter { AccessPolicy.decide(context, .detail($0)).isAllowed }) }
        let latest = try await latestProfessional(visible: visible, lastOnOrBefore: lastDueDay, tenantID: tenantID, on: context.db)
        return latest.compactMap { last -> Due? in
            guard let household = names[last.householdID], let instrument = context.instruments.instrument(last.instrumentID) else { return nil }
            let text = context.t("worklist.reassessment_item", last.residentName, instrument.name.text(context.locale.rawValue), household, last.lastOn)
            return Due(text: text, href: SiteRoute.household.path(last.householdID) + "#progress-\(last.residentID)", lastOn: last.lastOn)
        }.sorted { ($0.lastOn, $0.text) < ($1.lastOn, $1.text) }
    }

    struct Latest { let householdID: UUID; let residentID: UUID; let residentName: String; let instrumentID: String; let lastOn: String }

    /// Per household, member and instrument: the day of the latest
    /// professional assessment with a score in a domain `visible` lists for
    /// that household, where that day is `lastOnOrBefore` or earlier. Each
    /// visible (household, domain) pair goes into the query as one text key,
    /// the household's id in lower case followed by the domain, which both
    /// databases build alike from a score's row; so it returns a row per
    /// member and instrument, not per domain. PostgreSQL
    /// checks a flat list of keys by hash, where it planned and scanned a
    /// list of pairs slowly (measured at 100,000 residents: 1.8 ms against
    /// 3.9 for the worklist's caseload; SQLite: 0.45 against 0.48).
    /// `OFFSET 0` keeps PostgreSQL from turning the EXISTS into a hash join
    /// over every score of the tenant (measured: 30 ms instead of 8 at 10,000
    /// residents); it probes the scores of each assessment by index, as SQLite does.
    static func latestProfessional(visible: [UUID: Set<LifeDomain>], lastOnOrBefore: String, tenantID: UUID, on db: any Database) async throws -> [Latest] {
        let shown = visible.filter { !$0.value.isEmpty }
        let keys = shown.flatMap { household, domains in domains.map { household.uuidString.lowercased() + $0.rawValue } }
        guard !keys.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT a.household_id, a.resident_id, r.given_name, r.family_name, a.instrument_id, MAX(a.assessed_on) AS last_on
            FROM assessments a JOIN residents r ON r.id = a.resident_id AND r.tenant_id = a.tenant_id
            WHERE a.tenant_id = \(bind: tenantID) AND a.household_id IN (\(binds: Array(shown.keys)))
              AND a.source = \(bind: AssessmentSource.professional.rawValue)
              AND EXISTS (SELECT 1 FROM assessment_scores s WHERE s.assessment_id = a.id AND s.tenant_id = a.tenant_id
                          AND LOWER(a.household_id || s.domain) IN (\(binds: keys)) LIMIT 1 OFFSET 0)
            GROUP BY a.household_id, a.resident_id, r.given_name, r.family_name, a.instrument_id
            HAVING MAX(a.assessed_on) <= \(bind: lastOnOrBefore)
            """).all()
        return try rows.map { row in
            Latest(householdID: try row.decode(column: "household_id", as: UUID.self), residentID: try row.decode(column: "resident_id", as: UUID.self),
                   residentName: "\(try row.decode(column: "given_name", as: String.self)) \(try row.decode(column: "family_name", as: String.self))",
                   instrumentID: try row.decode(column: "instrument_id", as: String.self), lastOn: try row.decode(column: "last_on", as: String.self))
        }
    }
}

extension Day {
    /// The day `months` calendar months after `day` (end-of-month days clamp), or nil for a bad day.
    static func adding(months: Int, to day: String) -> String? {
        CivilDay(day)?.adding(months: months).iso
    }

    /// The last day an assessment can have been made on and be due for its
    /// reassessment `months` later by `today`, or nil for a bad day. Months
    /// end on different days, so a few days after `today` minus `months` can
    /// be due as well: six months after 31 August is 28 February.
    static func latestDue(months: Int, today: String) -> String? {
        guard let today = CivilDay(today) else { return nil }
        var day = today.adding(months: -months)
        while day.adding(days: 1).adding(months: months) <= today { day = day.adding(days: 1) }
        return day.iso
    }
}
